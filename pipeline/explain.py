"""Stage 6, explain."""
def explain(findings, claims, articles):
    return findings
