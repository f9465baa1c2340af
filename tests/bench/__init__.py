"""Scale benchmark: synthetic dossiers built with the real pipeline (``make bench``)."""
