// Tests never pick up a developer's real bot or payment keys from the shell.
for (const name of Object.keys(process.env)) {
  if (/^(TELEGRAM_|MIDTRANS_|DATABASE_URL$|POSTGRES_URL$|DB_DRIVER$|PLAYGROUND$|VERCEL_ENV$|VERCEL$|TRUST_PROXY$|CRON_SECRET$|SESSION_SECRET$)/.test(name)) {
    delete process.env[name];
  }
}
