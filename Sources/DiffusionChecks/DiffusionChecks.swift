// Shared scenario reading for the diffusion theorems.
