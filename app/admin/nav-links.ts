/** The admin's main menu, in the order staff use it during the day. */
export const ADMIN_NAV_LINKS = [
  { href: "/admin", label: "Hari ini", ownerOnly: false },
  { href: "/admin/orders", label: "Pesanan", ownerOnly: false },
  { href: "/admin/payments", label: "Pembayaran", ownerOnly: false },
  { href: "/admin/waitlist", label: "Daftar tunggu", ownerOnly: false },
  { href: "/admin/stock", label: "Stok", ownerOnly: false },
  { href: "/admin/catalog", label: "Katalog", ownerOnly: true },
  { href: "/admin/schedule", label: "Jadwal", ownerOnly: true },
  { href: "/admin/staff", label: "Staf", ownerOnly: true },
  { href: "/admin/webhooks", label: "Webhook", ownerOnly: true },
  { href: "/admin/audit", label: "Audit", ownerOnly: false },
] as const;
