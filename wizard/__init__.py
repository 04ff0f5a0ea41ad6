"""SLA Wizard: draft a Service Level Agreement step by step."""

__version__ = "0.1.0"
