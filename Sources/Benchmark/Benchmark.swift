// The benchmark; see the module's files.
