"""Stage 5, compare."""
def compare(claims):
    return []
