// The diffusion engine; see the module's files.
