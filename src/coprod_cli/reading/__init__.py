"""Reading input: bytes from files, folders, form exports and stdin into validated models."""
