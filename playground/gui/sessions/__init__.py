"""The models behind the tabs: one session per tab that trains, and its parts."""
