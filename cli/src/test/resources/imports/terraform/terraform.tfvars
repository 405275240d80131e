read_capacity = 7
