process.env.TZ = "Asia/Jakarta";
