"""The contract editor's Amendments (补充协议) and Attachments (附件) tabs (issue 16): thin views over
``services.amendments`` and ``services.attachments``."""
