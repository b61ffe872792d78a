"""docketflow's Prefect flows, ingest and command line."""
