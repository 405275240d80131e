variable "env" {
  type    = string
  default = "dev"
}

variable "read_capacity" {
  type    = number
  default = 5
}
