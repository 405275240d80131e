owner = "alice"
