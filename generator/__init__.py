"""Turn a dossier of curated YAML sources into cross-linked MkDocs pages.

The pipeline is the module list: load -> validate -> link -> render -> write.
"""
