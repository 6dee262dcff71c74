"""Python rules, one small class per rule, grouped by family (structure, flsa, ...).

Each module is imported by the registry; each rule class registers itself with
``@register``. Use Python only for what a YAML pack cannot say.
"""
