resource "aws_dynamodb_table" "orders" {
  name           = "tf_orders_${var.env}"
  billing_mode   = "PROVISIONED"
  read_capacity  = var.read_capacity
  write_capacity = 5
  hash_key       = "customer_id"
  range_key      = "order_id"

  attribute {
    name = "customer_id"
    type = "S"
  }

  attribute {
    name = "order_id"
    type = "S"
  }

  attribute {
    name = "status"
    type = "S"
  }

  global_secondary_index {
    name            = "by_status"
    hash_key        = "status"
    projection_type = "ALL"
    read_capacity   = 2
    write_capacity  = 2
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  tags = {
    team = "payments"
  }
}
