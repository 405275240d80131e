# A table with every argument dynaseed imports, written for dynaseed's tests.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      ManagedBy = "terraform"
      Team      = "platform"
    }
  }
}

locals {
  prefix = "${var.env}-shop"
  common_tags = {
    Owner = var.owner
  }
}

resource "aws_dynamodb_table" "orders" {
  name           = "${local.prefix}-orders"
  billing_mode   = "PROVISIONED"
  read_capacity  = var.read_units
  write_capacity = 2
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
  attribute {
    name = "created_at"
    type = "N"
  }
  attribute {
    name = "sku"
    type = "B"
  }

  global_secondary_index {
    name               = "by-status"
    hash_key           = "status"
    range_key          = "created_at"
    projection_type    = "INCLUDE"
    non_key_attributes = ["total", "currency"]
    read_capacity      = 3
    write_capacity     = 1
  }

  global_secondary_index {
    name = "by-sku"
    key_schema {
      attribute_name = "sku"
      key_type       = "HASH"
    }
    projection_type = "KEYS_ONLY"
    read_capacity   = 1
    write_capacity  = 1
  }

  local_secondary_index {
    name            = "by-created"
    range_key       = "created_at"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 7
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
  }

  table_class                 = "STANDARD_INFREQUENT_ACCESS"
  deletion_protection_enabled = true

  tags = merge(local.common_tags, {
    Team = "orders"
  })

  lifecycle {
    ignore_changes = [read_capacity]
  }
}

resource "aws_dynamodb_table" "sessions" {
  name         = "${var.env}-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "session_id"

  attribute {
    name = "session_id"
    type = "S"
  }

  on_demand_throughput {
    max_read_request_units  = 100
    max_write_request_units = 50
  }

  warm_throughput {
    read_units_per_second  = 13000
    write_units_per_second = 5000
  }

  server_side_encryption {
    enabled = false
  }
}
