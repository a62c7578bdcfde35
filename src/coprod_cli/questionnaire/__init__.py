"""Running a questionnaire without a terminal: its flow, resuming, the file it keeps."""
