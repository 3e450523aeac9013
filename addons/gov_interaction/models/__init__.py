# One model per file; imported here as they are added.
