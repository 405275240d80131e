variable "env" {
  type    = string
  default = "dev"
}

variable "read_units" {
  type    = number
  default = 5
}

variable "owner" {
  type = string
}
