"""`docketflow report`: one self-contained HTML page for reviewing an output folder.

The page has to open from a laptop's file system, from an e-mail attachment or an archive, years after
the run: so everything (styles, script, charts, data) is inline and nothing is fetched at view time.
"""

from docketflow.pipeline.report.page import ReportStats, write_report

__all__ = ["ReportStats", "write_report"]
