"""Stage 4 — rules: load rule packs (YAML) and Python checks, and run them on a spec."""

from speclint.engine.context import RuleContext
from speclint.engine.registry import RuleSet, load_rules
from speclint.engine.rule import Rule, RulePackError

__all__ = ["Rule", "RuleContext", "RuleSet", "RulePackError", "load_rules"]
