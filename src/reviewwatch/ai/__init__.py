"""Optional AI assistance through the user's own model (the `reviewwatch[ai]` extra).

Imported only when the config has an `[ai]` table: without one, neither this package nor the
`llm` library is loaded. Every result here is a suggestion beside the offline triage; a draft
reaches a platform only after the same policy checker as any reply.
"""
