/** The admin's main menu, in the order staff use it during the day. */
export const ADMIN_NAV_LINKS = [
  { href: "/admin", label: "Hari ini" },
  { href: "/admin/orders", label: "Pesanan" },
  { href: "/admin/payments", label: "Pembayaran" },
  { href: "/admin/catalog", label: "Katalog" },
  { href: "/admin/schedule", label: "Jadwal" },
  { href: "/admin/webhooks", label: "Webhook" },
  { href: "/admin/audit", label: "Audit" },
] as const;
