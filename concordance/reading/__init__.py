"""The reading pages: home, instrument, article.

They compose several apps (the corpus's texts, the concordance's
counterparts, the collation's variant counts, the cross-references), so they
sit above all of them; the apps below never import from here.
"""
