variable "shards" {
  default = 2
}

resource "aws_dynamodb_table" "shard" {
  count        = var.shards
  name         = "events-${count.index}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "tenant" {
  for_each     = toset(["acme", "globex"])
  name         = "tenant-${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}
