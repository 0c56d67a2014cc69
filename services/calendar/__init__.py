"""Deadlines on China's working-day calendar: workdays, holidays, events, deadlines, agenda, .ics. Qt-free."""
