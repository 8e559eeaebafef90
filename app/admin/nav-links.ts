/** The admin's main menu, in the order staff use it during the day; "Pekerjaan saya" only for technicians. */
export const ADMIN_NAV_LINKS = [
  { href: "/admin", label: "Hari ini", ownerOnly: false, technicianOnly: false },
  { href: "/admin/my-jobs", label: "Pekerjaan saya", ownerOnly: false, technicianOnly: true },
  { href: "/admin/orders", label: "Pesanan", ownerOnly: false, technicianOnly: false },
  { href: "/admin/payments", label: "Pembayaran", ownerOnly: false, technicianOnly: false },
  { href: "/admin/waitlist", label: "Daftar tunggu", ownerOnly: false, technicianOnly: false },
  { href: "/admin/stock", label: "Stok", ownerOnly: false, technicianOnly: false },
  { href: "/admin/catalog", label: "Katalog", ownerOnly: true, technicianOnly: false },
  { href: "/admin/schedule", label: "Jadwal", ownerOnly: true, technicianOnly: false },
  { href: "/admin/staff", label: "Staf", ownerOnly: true, technicianOnly: false },
  { href: "/admin/branches", label: "Cabang", ownerOnly: true, technicianOnly: false },
  { href: "/admin/webhooks", label: "Webhook", ownerOnly: true, technicianOnly: false },
  { href: "/admin/audit", label: "Audit", ownerOnly: false, technicianOnly: false },
] as const;
