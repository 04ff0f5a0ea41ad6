"""The Qt interface: widgets and signals, no business rules."""
