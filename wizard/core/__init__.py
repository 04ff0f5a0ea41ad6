"""The SLA project and everything done with it, without Qt."""
