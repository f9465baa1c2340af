"""Turn a dossier of curated YAML sources into cross-linked MkDocs pages.

The pipeline is the package tree: ``dossier/`` reads, checks and links the sources;
``views/`` computes what each page shows; ``pages/`` renders them; ``outputs/`` writes
the files that are not pages; ``build/`` runs the engines and the site build. ``tools/``
serves contributors and is never imported by the pipeline.
"""

__version__ = "1.0.0"
