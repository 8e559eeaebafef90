// Node re-reads TZ when it is assigned: the calendar must not depend on the server's zone.
process.env.TZ = "UTC";
