// ArCollect's links on the Camunda welcome page (replaces the webapp's default, commented-out config.js)
export default {
  links: [
    {
      label: 'ArCollect dashboard',
      href: '/dashboard/',
      description: 'Aging, DSO, CEI, promise-kept rate, recovery and open tasks as charts, with CSV downloads'
    },
    {
      label: 'ArCollect customer file',
      href: '/customer-file/',
      description: 'One customer on one screen: contacts, local time, credit, open invoices, promises, cases, contact log; log a call, note, promise or dispute'
    },
    {
      label: 'ArCollect case history',
      href: '/case-history/',
      description: 'Any case, open or closed: its diagram with the path it took, the audit trail, JSON/CSV/PDF downloads'
    },
    {
      label: 'ArCollect API',
      href: '/api/docs',
      description: 'Ledger, cases, audit trails and KPIs over REST (OpenAPI / Swagger UI)'
    }
  ]
};
