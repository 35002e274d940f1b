"""Rich screens. Each takes plain data from the core and only presents it."""
