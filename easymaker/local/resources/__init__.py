"""The resources of EasyMaker Local, one module per family as in `easymaker.resources`: create / get / list /
delete / stop / start of every kind, the rules that refuse an action (409), and the wire documents the API returns.

`service.Service` answers every operation of the spec; `base` holds what the families share.
"""
