"""EasyMaker Local: the AI EasyMaker service on one machine (REST API, Object Storage, tokens, logs, runners)."""
