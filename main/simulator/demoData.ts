/**
 * The simulator's demo store: every record the user's DealPOS pages refer to in their examples
 * (so each example request, sent as written, gets the documented answer), a few curated retail
 * fixtures other tests and the demo mode can rely on, and a generated catalog of N variants that
 * is a pure function of (seed, index) — 500,000 variants cost no memory until asked for.
 */
import type { Customer, InvoiceInput, Outlet, PaymentMethod, Tax } from '../dealpos/schemas';
import { ean13 } from './ean13';

/** Demo account credentials (GUID-shaped like real DealPOS client ids and secrets). */
export const DEMO_CLIENT_ID = '0d3e7c1a-5b2f-4c6d-9e8a-7f1b2c3d4e5f';
export const DEMO_CLIENT_SECRET = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const DEFAULT_VARIANT_COUNT = 5000;
export const MAX_VARIANT_COUNT = 500_000;
export const DEFAULT_SEED = 1;

// ------------------------------------------------------------------ deterministic hashing

function mix32(value: number): number {
  let a = value | 0;
  a = Math.imul(a ^ (a >>> 16), 0x7feb352d);
  a = Math.imul(a ^ (a >>> 15), 0x846ca68b);
  return (a ^ (a >>> 16)) >>> 0;
}

export function hash(seed: number, salt: number, index: number): number {
  return mix32((mix32(Math.imul(seed, 31) + salt) ^ index) + Math.imul(index, 0x9e3779b9));
}

const hex = (value: number, width: number): string => (value >>> 0).toString(16).padStart(8, '0').slice(8 - width);

/** A GUID whose last 8 hex digits carry `index`, so generated IDs can be mapped back without a table. */
function guid(seed: number, salt: number, index: number): string {
  const a = hash(seed, salt, index);
  const b = hash(seed, salt + 1, index);
  const c = hash(seed, salt + 2, index);
  const tag = hash(seed, salt + 3, 0);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}-${'89ab'[c & 3] ?? '8'}${hex(c >>> 8, 3)}-${hex(tag, 4)}${hex(index, 8)}`;
}

// ------------------------------------------------------------------ outlets, payment methods, taxes

export const DEMO_OUTLETS: readonly Outlet[] = [
  { ID: 'a1f0c3d2-0001-4e5f-8a9b-000000000001', Name: 'Outlet1', Code: 'OUT1', Suspended: false },
  { ID: 'a1f0c3d2-0002-4e5f-8a9b-000000000002', Name: 'Outlet2', Code: 'OUT2', Suspended: false },
  { ID: 'a1f0c3d2-0003-4e5f-8a9b-000000000003', Name: 'Main Store', Code: 'MAIN', Suspended: false },
  { ID: 'a1f0c3d2-0004-4e5f-8a9b-000000000004', Name: 'Pluit', Code: 'PLT', Suspended: false },
  { ID: 'a1f0c3d2-0005-4e5f-8a9b-000000000005', Name: 'Kelapa Gading (closed)', Code: 'KLG', Suspended: true },
];

export const DEMO_PAYMENT_METHODS: readonly PaymentMethod[] = [
  { ID: 1, Name: 'Cash', Type: 'Cash', Suspended: false, MDR: 0 },
  { ID: 2, Name: 'Debit Card', Type: 'Card', Suspended: false, MDR: 1 },
  { ID: 3, Name: 'Credit Card', Type: 'Card', Suspended: false, MDR: 2.5 },
  { ID: 4, Name: 'QRIS', Type: 'QRIS', Suspended: false, MDR: 0.7 },
  { ID: 5, Name: 'GoPay', Type: 'EWallet', Suspended: false, MDR: 2 },
  { ID: 6, Name: 'OVO', Type: 'EWallet', Suspended: false, MDR: 2 },
  { ID: 7, Name: 'Bank Transfer', Type: 'Transfer', Suspended: false, MDR: 0 },
  { ID: 8, Name: 'Voucher', Type: 'Other', Suspended: true, MDR: 0 },
];

export const DEMO_TAXES: readonly Tax[] = [
  { ID: 'b2e1d4c3-0001-4f6a-9b8c-000000000001', Name: 'No Tax', Rate: 0, Type: 'Exclusive' },
  { ID: 'b2e1d4c3-0002-4f6a-9b8c-000000000002', Name: 'PPN 11%', Rate: 11, Type: 'Exclusive' },
  { ID: 'b2e1d4c3-0003-4f6a-9b8c-000000000003', Name: 'PPN 11% Inclusive', Rate: 11, Type: 'Inclusive' },
];

// ------------------------------------------------------------------ customers

export interface DemoCustomer extends Customer {
  readonly PIN: string;
}

/** HW008 is the customer of the Customer/Email, Code, MobilePhone and PIN examples. */
const DOCUMENTED_CUSTOMERS: readonly DemoCustomer[] = [
  {
    ID: '5acffe34-346f-4888-afd8-0a551e556681',
    Name: 'Tafta tata',
    Email: 'Tafta@dealpos.com',
    Title: 'Mr.',
    FirstName: 'Tafta',
    LastName: 'tata',
    Gender: 'Male',
    Code: 'HW008',
    Phone: '021-66698155',
    MobilePhone: '081588818888',
    Fax: '6325894',
    Address: 'Jl. Lenteng Agung',
    City: 'Jakarta',
    Nationality: 'Indonesian',
    ReferredBy: '449e35af-190d-4137-aa13-9cf2cf6af57a',
    Identification: '3173656111',
    Birthday: '18 Mar 1994',
    JoinDate: '22 Jul 2019',
    Group: 'Gold',
    ExpiredGroup: '31 Jul 2019',
    SignUpOutlet: 'Outlet1',
    ImageURL: '//res.cloudinary.com/dealposdev/image/upload//Contact/ff63d5ad-b42b-4a84-a77f-eb40f0bd6dd8/0.jpg',
    LoyaltyPoint: 88,
    Status: 'Active',
    PIN: '123654',
  },
  {
    ID: '7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e21',
    Name: 'Hendry Wijaya',
    Email: 'Hendry@dealpos.com',
    Title: 'Mr.',
    FirstName: 'Hendry',
    LastName: 'Wijaya',
    Gender: 'Male',
    Code: 'HW021',
    Phone: '02165498468',
    MobilePhone: '081514515156',
    Fax: null,
    Address: 'Muara Karang no.88',
    City: 'Jakarta',
    Nationality: 'Indonesian',
    ReferredBy: null,
    Identification: null,
    Birthday: '02 Feb 1988',
    JoinDate: '10 Jan 2020',
    Group: 'Silver',
    ExpiredGroup: '31 Dec 2030',
    SignUpOutlet: 'Outlet1',
    ImageURL: null,
    LoyaltyPoint: 120,
    Status: 'Active',
    PIN: '246810',
  },
  {
    ID: '8d2e3f4a-5b6c-4d7e-9f8a-1b2c3d4e5f60',
    Name: 'John Doe',
    Email: 'johndoe@email.com',
    Title: 'Mr.',
    FirstName: 'John',
    LastName: 'Doe',
    Gender: 'Male',
    Code: 'JD001',
    Phone: null,
    MobilePhone: '08112345',
    Fax: null,
    Address: 'Jl. Pluit Raya 1',
    City: 'Jakarta',
    Nationality: 'Indonesian',
    ReferredBy: null,
    Identification: null,
    Birthday: '01 Jan 1990',
    JoinDate: '01 Jun 2020',
    Group: 'Regular',
    ExpiredGroup: null,
    SignUpOutlet: 'Outlet2',
    ImageURL: null,
    LoyaltyPoint: 0,
    Status: 'Active',
    PIN: '111222',
  },
];

const FIRST_NAMES = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Andi', 'Putri', 'Joko', 'Wulan', 'Rizky', 'Fitri', 'Hendra', 'Yanti', 'Bayu', 'Intan', 'Dimas', 'Lestari', 'Arif', 'Maya', 'Eko'];
const LAST_NAMES = ['Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Kusuma', 'Nugroho', 'Siregar', 'Simanjuntak', 'Halim', 'Gunawan', 'Setiawan'];
const FEMALE = new Set(['Siti', 'Dewi', 'Rina', 'Putri', 'Wulan', 'Fitri', 'Yanti', 'Intan', 'Lestari', 'Maya']);
const GROUPS = ['Regular', 'Silver', 'Gold', 'Platinum'];
const CITIES = ['Jakarta', 'Bandung', 'Surabaya', 'Tangerang', 'Bekasi', 'Depok'];

function generatedCustomers(seed: number, count: number): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  for (let i = 1; i <= count; i++) {
    const h = hash(seed, 901, i);
    const first = FIRST_NAMES[h % FIRST_NAMES.length] ?? 'Budi';
    const last = LAST_NAMES[(h >>> 8) % LAST_NAMES.length] ?? 'Santoso';
    const code = `CUS${String(i).padStart(4, '0')}`;
    customers.push({
      ID: guid(seed, 910, i),
      Name: `${first} ${last}`,
      Email: `${first}.${last}${i}@example.co.id`.toLowerCase(),
      Title: FEMALE.has(first) ? 'Ms.' : 'Mr.',
      FirstName: first,
      LastName: last,
      Gender: FEMALE.has(first) ? 'Female' : 'Male',
      Code: code,
      Phone: null,
      MobilePhone: `0812${String(hash(seed, 902, i) % 100_000_000).padStart(8, '0')}`,
      Fax: null,
      Address: `Jl. Merdeka No. ${(h >>> 4) % 200 + 1}`,
      City: CITIES[(h >>> 12) % CITIES.length] ?? 'Jakarta',
      Nationality: 'Indonesian',
      ReferredBy: null,
      Identification: null,
      Birthday: null,
      JoinDate: '05 Jan 2024',
      Group: GROUPS[(h >>> 16) % GROUPS.length] ?? 'Regular',
      ExpiredGroup: null,
      SignUpOutlet: 'Main Store',
      ImageURL: null,
      LoyaltyPoint: hash(seed, 903, i) % 500,
      Status: 'Active',
      PIN: String(hash(seed, 904, i) % 1_000_000).padStart(6, '0'),
    });
  }
  return customers;
}

export function demoCustomers(seed: number): DemoCustomer[] {
  return [...DOCUMENTED_CUSTOMERS, ...generatedCustomers(seed, 20)];
}

// ------------------------------------------------------------------ variants

export interface SimVariant {
  readonly ID: string;
  readonly ProductID: string;
  readonly Category: string;
  readonly Brand: string;
  readonly Product: string;
  readonly Variant: string;
  readonly Name: string;
  readonly Code: string;
  readonly Type: string;
  readonly UnitPrice: number;
  readonly UnitCost: number;
  readonly Weight: number;
  readonly Taxable: boolean;
  readonly Discontinued: boolean;
  readonly OutletPrice: readonly { readonly Outlet: string; readonly Price: number; readonly ExtraCost: number }[];
}

interface FixedVariantSpec {
  readonly id: string;
  readonly productId: string;
  readonly code: string;
  readonly category: string;
  readonly brand: string;
  readonly product: string;
  readonly variant: string;
  readonly name: string;
  readonly price: number;
  readonly discontinued?: boolean;
  readonly outletPrice?: readonly { readonly Outlet: string; readonly Price: number; readonly ExtraCost: number }[];
}

/** Records the documentation's examples refer to, with the documented IDs where given. */
const DOCUMENTED_VARIANTS: readonly FixedVariantSpec[] = [
  { id: 'e156a0a9-1552-49d4-b597-d4ca09c3ed54', productId: '418c0cde-1e5f-4c77-a9f4-312bc96939cb', code: '1000', category: 'Fashion/Kaos', brand: 'Basic', product: 'Kaos Polos', variant: 'S', name: 'Kaos Polos (S)', price: 65000 },
  { id: 'd2dfbf1a-da61-48e4-9d4d-a921ebfcb8f5', productId: '6126764d-57aa-425d-ade6-bc3a847da98a', code: '1001', category: 'Fashion/Kaos', brand: 'Basic', product: 'Kaos Polos', variant: 'M', name: 'Kaos Polos (M)', price: 65000 },
  { id: '1587b105-b8a9-404f-907a-f63326003558', productId: '7d27dc9f-06f7-4765-bfd3-437903b020fa', code: '1002', category: 'Fashion/Kaos', brand: 'Basic', product: 'Kaos Polos', variant: 'L', name: 'Kaos Polos (L)', price: 65000 },
  { id: 'c3a4b5d6-1342-4c00-8a00-00000001342a', productId: 'c3a4b5d6-1342-4c00-8a00-000000001342', code: '1342L', category: 'Fashion/Kemeja', brand: 'Batik Nusantara', product: 'Kemeja Batik', variant: 'L', name: 'Kemeja Batik (L)', price: 185000 },
  { id: 'c3a4b5d6-1342-4c00-8a00-00000001342b', productId: 'c3a4b5d6-1342-4c00-8a00-000000001342', code: '1342M', category: 'Fashion/Kemeja', brand: 'Batik Nusantara', product: 'Kemeja Batik', variant: 'M', name: 'Kemeja Batik (M)', price: 185000, discontinued: true },
  { id: '6f96d108-1af5-45de-a593-74719a0ee8e2', productId: 'a7b8c9d0-1315-4e00-9b00-000000001315', code: '1315L', category: 'Fashion/Cardigan', brand: 'Rajut', product: 'Cardigan', variant: 'L', name: 'Cardigan (L)', price: 280000 },
  { id: 'f4adff17-6e0c-499d-af3f-db8c16e62375', productId: 'a7b8c9d0-1315-4e00-9b00-000000001315', code: '1315XL', category: 'Fashion/Cardigan', brand: 'Rajut', product: 'Cardigan', variant: 'XL', name: 'Cardigan (XL)', price: 280000 },
  { id: 'e8f9a0b1-2005-4d00-8c00-000000200535', productId: 'e8f9a0b1-2005-4d00-8c00-000000002005', code: '200535', category: 'Fashion/Sepatu', brand: 'Kulit Asli', product: 'Boots', variant: '35', name: 'Boots (35)', price: 540000 },
  { id: 'bb5fd4fc-e7fb-4e99-92f4-b3caac23c183', productId: 'e8f9a0b1-2005-4d00-8c00-000000002005', code: '200536', category: 'Fashion/Sepatu', brand: 'Kulit Asli', product: 'Boots', variant: '36', name: 'Boots (36)', price: 540000 },
];

const fixed = (n: number): string => `f1d0e5c4-0000-4a00-8b00-${String(n).padStart(12, '0')}`;

/** Curated retail fixtures with stable codes; see `DEMO_FIXTURES` for the named ones. */
const CURATED_VARIANTS: readonly FixedVariantSpec[] = [
  { id: fixed(1), productId: fixed(101), code: ean13('899100100001'), category: 'Makanan/Mi Instan', brand: 'Indomie', product: 'Indomie Goreng', variant: '85g', name: 'Indomie Goreng 85g', price: 3500 },
  { id: fixed(2), productId: fixed(102), code: ean13('899100100002'), category: 'Minuman/Air Mineral', brand: 'Aqua', product: 'Aqua', variant: '600ml', name: 'Aqua 600ml', price: 3500 },
  { id: fixed(3), productId: fixed(103), code: ean13('899100100003'), category: 'Minuman/Teh', brand: 'Sosro', product: 'Teh Botol Sosro', variant: '450ml', name: 'Teh Botol Sosro 450ml', price: 5000 },
  { id: fixed(4), productId: fixed(104), code: ean13('899100100004'), category: 'Minuman/Kopi', brand: 'Kapal Api', product: 'Kopi Kapal Api Special', variant: '165g', name: 'Kopi Kapal Api Special 165g', price: 14500 },
  { id: fixed(5), productId: fixed(105), code: ean13('899100100005'), category: 'Makanan/Snack', brand: 'Chitato', product: 'Chitato Sapi Panggang', variant: '68g', name: 'Chitato Sapi Panggang 68g', price: 11500 },
  { id: fixed(6), productId: fixed(106), code: ean13('899100100006'), category: 'Minuman/Susu', brand: 'Ultra Milk', product: 'Ultra Milk Coklat', variant: '250ml', name: 'Ultra Milk Coklat 250ml', price: 6500 },
  {
    id: fixed(7), productId: fixed(107), code: ean13('899100100007'), category: 'Makanan/Cokelat', brand: 'SilverQueen', product: 'SilverQueen Chunky Bar', variant: '62g', name: 'SilverQueen Chunky Bar 62g', price: 15500,
    outletPrice: [{ Outlet: 'Pluit', Price: 14900, ExtraCost: 0 }],
  },
  { id: fixed(8), productId: fixed(108), code: ean13('899100100008'), category: 'Rumah Tangga/Deterjen', brand: 'Rinso', product: 'Rinso Anti Noda', variant: '800g', name: 'Rinso Anti Noda 800g', price: 23900 },
  { id: fixed(9), productId: fixed(109), code: ean13('899100100009'), category: 'Sembako/Minyak', brand: 'Bimoli', product: 'Minyak Goreng Bimoli', variant: '2L', name: 'Minyak Goreng Bimoli 2L', price: 38500 },
  { id: fixed(10), productId: fixed(110), code: ean13('899100100010'), category: 'Sembako/Beras', brand: 'Pandan Wangi', product: 'Beras Pandan Wangi', variant: '5kg', name: 'Beras Pandan Wangi 5kg', price: 78000 },
  { id: fixed(11), productId: fixed(111), code: ean13('003800013841'), category: 'Makanan/Snack', brand: 'Pringles', product: 'Pringles Original', variant: '107g', name: 'Pringles Original 107g', price: 32500 },
  { id: fixed(12), productId: fixed(112), code: ean13('003400000043'), category: 'Makanan/Cokelat', brand: "Hershey's", product: "Hershey's Milk Chocolate", variant: '43g', name: "Hershey's Milk Chocolate 43g", price: 18500 },
  { id: fixed(13), productId: fixed(113), code: ean13('899100100013'), category: 'Makanan/Mi Instan', brand: 'Mie Sedaap', product: 'Mie Sedaap Kari Spesial', variant: '87g', name: 'Mie Sedaap Kari Spesial 87g', price: 3300, discontinued: true },
  { id: fixed(14), productId: fixed(114), code: 'ROTI-001', category: 'Bakery/Roti', brand: 'Sari Roti', product: 'Roti Tawar Kupas', variant: '370g', name: 'Sari Roti Tawar Kupas 370g', price: 17500 },
  // Sold from the shop's scale: the catalog holds the item code without the label prefix, the price per kg or per piece.
  { id: fixed(15), productId: fixed(115), code: '00042', category: 'Segar/Daging', brand: 'Segar', product: 'Daging Sapi Has Dalam', variant: 'per kg', name: 'Daging Sapi Has Dalam (per kg)', price: 149900 },
  { id: fixed(16), productId: fixed(116), code: '7', category: 'Bakery/Kue', brand: 'Dapur Toko', product: 'Kue Lapis Legit', variant: 'potong', name: 'Kue Lapis Legit (potong)', price: 25000 },
  // A real product whose own EAN-13 starts like a weight label (21 00042 01500): the catalog match wins.
  { id: fixed(17), productId: fixed(117), code: ean13('210004201500'), category: 'Sembako/Telur', brand: 'Segar', product: 'Telur Ayam Negeri', variant: '10 butir', name: 'Telur Ayam Negeri 10 butir', price: 28000 },
];

/** Named fixtures other tests, the demo store and the docs can rely on. */
export const DEMO_FIXTURES = {
  clientId: DEMO_CLIENT_ID,
  clientSecret: DEMO_CLIENT_SECRET,
  outlets: { main: 'Main Store', pluit: 'Pluit', outlet1: 'Outlet1', outlet2: 'Outlet2', suspended: 'Kelapa Gading (closed)' },
  outletIds: { main: 'a1f0c3d2-0003-4e5f-8a9b-000000000003', pluit: 'a1f0c3d2-0004-4e5f-8a9b-000000000004' },
  paymentMethods: { cash: 'Cash', debit: 'Debit Card', qris: 'QRIS', eWallet: 'GoPay', suspended: 'Voucher' },
  taxes: { none: 'No Tax', ppnExclusive: 'PPN 11%', ppnInclusive: 'PPN 11% Inclusive' },
  tag: 'Offline',
  variants: {
    /** EAN-13, 3,500 IDR. */
    indomie: { code: ean13('899100100001'), name: 'Indomie Goreng 85g', price: 3500 },
    aqua: { code: ean13('899100100002'), name: 'Aqua 600ml', price: 3500 },
    tehBotol: { code: ean13('899100100003'), name: 'Teh Botol Sosro 450ml', price: 5000 },
    /** Has an outlet price at Pluit: 14,900 instead of 15,500. */
    silverQueen: { code: ean13('899100100007'), name: 'SilverQueen Chunky Bar 62g', price: 15500, pluitPrice: 14900 },
    /** UPC-A sent as EAN-13 (leading 0). */
    pringlesUpc: { code: ean13('003800013841'), name: 'Pringles Original 107g', price: 32500 },
    /** Discontinued EAN-13. */
    discontinued: { code: ean13('899100100013'), name: 'Mie Sedaap Kari Spesial 87g', price: 3300 },
    /** Non-EAN internal codes from the docs and the bakery shelf. */
    cardiganL: { code: '1315L', name: 'Cardigan (L)', price: 280000 },
    bakery: { code: 'ROTI-001', name: 'Sari Roti Tawar Kupas 370g', price: 17500 },
    discontinuedDoc: { code: '1342M', name: 'Kemeja Batik (M)', price: 185000 },
    /** Weighed: price per kg; weight labels (prefix 21) carry item code 00042. */
    beefPerKg: { code: '00042', name: 'Daging Sapi Has Dalam (per kg)', price: 149900 },
    /** Price-labelled (prefix 20): labels carry item code 0007, the catalog holds it as "7". */
    lapisLegit: { code: '7', name: 'Kue Lapis Legit (potong)', price: 25000 },
    /** A real product whose EAN-13 looks like a weight label for item 00042 (1.5 kg). */
    eggsLookLikeLabel: { code: ean13('210004201500'), name: 'Telur Ayam Negeri 10 butir', price: 28000 },
  },
  /** Valid EAN-13 that is not in any catalog. */
  unknownEan: ean13('899100199999'),
  customers: {
    /** The docs' example customer. */
    tafta: { id: '5acffe34-346f-4888-afd8-0a551e556681', code: 'HW008', email: 'Tafta@dealpos.com', mobile: '081588818888', pin: '123654', loyaltyPoint: 88 },
    hendry: { id: '7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e21', code: 'HW021', email: 'Hendry@dealpos.com', mobile: '081514515156', pin: '246810', loyaltyPoint: 120 },
  },
  invoices: {
    /** Seeded invoice used by the delete example. */
    deleteExample: { outlet: 'Outlet1', number: 'LM3002' },
    /** Seeded invoice matching the Invoice/MultipleOutlet example filters. */
    listExample: { outlet: 'Outlet1', number: '20.06.00002' },
  },
  salesOrder: { outlet: 'Outlet1', number: '20.06.00001' },
  bill: { outlet: 'Pluit', number: '2023.09.00001' },
  /** A demo bill for receiving labels: EAN-13 items, two discontinued variants (one EAN-13, one Code 128) and a bakery code. */
  labelBill: { outlet: 'Main Store', number: '2023.09.00002' },
  delivery: { outlet: 'Pluit', number: '2023.09.00001' },
} as const;

// ------------------------------------------------------------------ generated catalog

interface Template {
  readonly category: string;
  readonly brand: string;
  readonly product: string;
  readonly options: readonly string[];
  readonly sizes: readonly (readonly [label: string, factor: number])[];
  readonly price: number;
}

const t = (category: string, brand: string, product: string, options: readonly string[], sizes: readonly (readonly [string, number])[], price: number): Template => ({
  category, brand, product, options, sizes, price,
});

const TEMPLATES: readonly Template[] = [
  t('Makanan/Mi Instan', 'Indomie', 'Indomie', ['Goreng', 'Soto', 'Kari Ayam', 'Ayam Bawang', 'Goreng Rendang', 'Goreng Aceh'], [['85g', 1], ['5 x 85g', 4.7]], 3500),
  t('Makanan/Mi Instan', 'Mie Sedaap', 'Mie Sedaap', ['Goreng', 'Soto', 'Kari Spesial', 'Korean Spicy'], [['90g', 1], ['5 x 90g', 4.7]], 3300),
  t('Makanan/Mi Instan', 'Pop Mie', 'Pop Mie', ['Ayam', 'Baso', 'Pedas Dower'], [['75g', 1]], 6000),
  t('Minuman/Air Mineral', 'Aqua', 'Aqua', [], [['330ml', 0.7], ['600ml', 1], ['1500ml', 1.9]], 3500),
  t('Minuman/Air Mineral', 'Le Minerale', 'Le Minerale', [], [['330ml', 0.7], ['600ml', 1], ['1500ml', 1.8]], 3300),
  t('Minuman/Teh', 'Sosro', 'Teh Botol Sosro', ['Original', 'Less Sugar'], [['250ml', 0.8], ['450ml', 1]], 5000),
  t('Minuman/Teh', 'Frestea', 'Frestea', ['Jasmine', 'Apel'], [['500ml', 1]], 5500),
  t('Minuman/Kopi', 'Kapal Api', 'Kopi Kapal Api', ['Special', 'Special Mix'], [['165g', 1], ['380g', 2.2]], 14500),
  t('Minuman/Kopi', 'Good Day', 'Good Day', ['Cappuccino', 'Mocacinno', 'Vanilla Latte'], [['5 x 25g', 1], ['10 x 25g', 1.9]], 8500),
  t('Minuman/Kopi', 'Nescafe', 'Nescafe', ['Classic', 'Gold'], [['50g', 1], ['100g', 1.9]], 19500),
  t('Minuman/Susu', 'Ultra Milk', 'Ultra Milk', ['Coklat', 'Full Cream', 'Stroberi', 'Taro'], [['200ml', 0.8], ['250ml', 1], ['1L', 3.3]], 6500),
  t('Minuman/Susu', 'Frisian Flag', 'Susu Kental Manis Frisian Flag', ['Putih', 'Cokelat'], [['370g', 1]], 12500),
  t('Minuman/Susu', 'Dancow', 'Dancow Fortigro', ['Full Cream', 'Cokelat'], [['400g', 1], ['800g', 1.9]], 52000),
  t('Minuman/Soda', 'Coca-Cola', 'Coca-Cola', ['Original', 'Zero'], [['390ml', 1], ['1.5L', 2.4]], 6500),
  t('Minuman/Soda', 'Fanta', 'Fanta', ['Stroberi', 'Jeruk'], [['390ml', 1]], 6500),
  t('Minuman/Isotonik', 'Pocari Sweat', 'Pocari Sweat', [], [['350ml', 0.8], ['500ml', 1]], 7500),
  t('Makanan/Snack', 'Chitato', 'Chitato', ['Sapi Panggang', 'Ayam Bumbu', 'Keju Supreme'], [['35g', 0.5], ['68g', 1]], 11500),
  t('Makanan/Snack', 'Qtela', 'Qtela Singkong', ['Original', 'Balado'], [['60g', 0.6], ['185g', 1]], 16500),
  t('Makanan/Snack', 'Taro', 'Taro Net', ['Seaweed', 'Barbeque'], [['65g', 1]], 9000),
  t('Makanan/Snack', 'Garuda', 'Kacang Garuda', ['Kulit', 'Rosta'], [['250g', 1]], 22000),
  t('Makanan/Biskuit', 'Roma', 'Roma', ['Kelapa', 'Malkist Crackers', 'Sari Gandum'], [['300g', 1]], 11000),
  t('Makanan/Biskuit', 'Oreo', 'Oreo', ['Original', 'Vanilla', 'Strawberry'], [['133g', 1], ['266g', 1.85]], 9500),
  t('Makanan/Biskuit', 'Tango', 'Tango Wafer', ['Cokelat', 'Vanilla', 'Keju'], [['176g', 1]], 12000),
  t('Makanan/Cokelat', 'SilverQueen', 'SilverQueen', ['Almond', 'Cashew', 'Fruit & Nut'], [['62g', 1], ['165g', 2.4]], 15500),
  t('Makanan/Cokelat', 'Beng-Beng', 'Beng-Beng', ['Original', 'Max'], [['20g', 1], ['10 x 20g', 9.5]], 2500),
  t('Sembako/Minyak', 'Bimoli', 'Minyak Goreng Bimoli', [], [['1L', 0.52], ['2L', 1]], 38500),
  t('Sembako/Minyak', 'Sunco', 'Minyak Goreng Sunco', [], [['1L', 0.52], ['2L', 1]], 37000),
  t('Sembako/Gula', 'Gulaku', 'Gula Pasir Gulaku', ['Premium'], [['1kg', 1]], 18500),
  t('Sembako/Beras', 'Pandan Wangi', 'Beras Pandan Wangi', [], [['2.5kg', 0.52], ['5kg', 1]], 78000),
  t('Bumbu/Kecap', 'Bango', 'Kecap Manis Bango', [], [['220ml', 0.5], ['520ml', 1]], 24000),
  t('Bumbu/Saus', 'ABC', 'Sambal ABC', ['Asli', 'Extra Pedas'], [['135ml', 0.5], ['335ml', 1]], 15000),
  t('Bumbu/Penyedap', 'Royco', 'Royco', ['Ayam', 'Sapi'], [['100g', 1]], 5500),
  t('Bumbu/Penyedap', 'Masako', 'Masako', ['Ayam', 'Sapi'], [['100g', 1]], 5000),
  t('Rumah Tangga/Deterjen', 'Rinso', 'Rinso', ['Anti Noda', 'Molto'], [['800g', 1], ['1.8kg', 2.1]], 23900),
  t('Rumah Tangga/Deterjen', 'So Klin', 'So Klin Liquid', ['Lavender', 'Sakura'], [['750ml', 1]], 18900),
  t('Rumah Tangga/Pewangi', 'Downy', 'Downy', ['Sunrise Fresh', 'Mystique'], [['720ml', 1]], 29900),
  t('Rumah Tangga/Sabun Cuci', 'Sunlight', 'Sunlight', ['Jeruk Nipis', 'Lime'], [['210ml', 0.4], ['755ml', 1]], 17500),
  t('Rumah Tangga/Pembersih', 'Wipol', 'Wipol Karbol', ['Cemara', 'Lemon'], [['780ml', 1]], 21500),
  t('Rumah Tangga/Obat Nyamuk', 'Baygon', 'Baygon Aerosol', ['Lavender', 'Citrus'], [['600ml', 1]], 42000),
  t('Perawatan/Sabun', 'Lifebuoy', 'Sabun Lifebuoy', ['Total 10', 'Lemon Fresh'], [['85g', 1], ['4 x 85g', 3.6]], 4500),
  t('Perawatan/Sabun', 'Dettol', 'Dettol Body Wash', ['Original', 'Cool'], [['250ml', 1]], 29000),
  t('Perawatan/Pasta Gigi', 'Pepsodent', 'Pepsodent', ['Pencegah Gigi Berlubang', 'Herbal'], [['75g', 0.5], ['190g', 1]], 14500),
  t('Perawatan/Sampo', 'Sunsilk', 'Sunsilk', ['Black Shine', 'Soft & Smooth'], [['70ml', 0.45], ['170ml', 1]], 24500),
  t('Perawatan/Sampo', 'Clear', 'Clear', ['Menthol', 'Complete Soft Care'], [['160ml', 1]], 27500),
  t('Perawatan/Lotion', 'Citra', 'Citra Hand & Body', ['Sakura', 'Bengkoang'], [['230ml', 1]], 21500),
  t('Kesehatan/Herbal', 'Tolak Angin', 'Tolak Angin', ['Cair', 'Anak'], [['15ml', 1], ['5 x 15ml', 4.7]], 4000),
  t('Kesehatan/Obat', 'Promag', 'Promag', ['Tablet'], [['12 tablet', 1]], 9500),
  t('Bayi/Popok', 'MamyPoko', 'MamyPoko Pants', ['S', 'M', 'L', 'XL'], [['isi 20', 1], ['isi 34', 1.6]], 62000),
  t('Bayi/Susu', 'SGM', 'SGM Eksplor', ['Vanila', 'Madu'], [['400g', 1]], 48000),
  t('Minuman/Probiotik', 'Yakult', 'Yakult', [], [['5 x 65ml', 1]], 11000),
  t('Minuman/Yogurt', 'Cimory', 'Cimory Yogurt Drink', ['Blueberry', 'Strawberry', 'Plain'], [['250ml', 1]], 9500),
  t('Frozen/Sosis', 'So Nice', 'Sosis So Nice', ['Ayam', 'Sapi'], [['60g', 1]], 2500),
  t('Frozen/Nugget', 'Fiesta', 'Fiesta Chicken Nugget', ['Original', 'Spicy'], [['500g', 1]], 54000),
];

const GENERATED_SPACE = 100_000_000; // 8 digits
const GEN_MULTIPLIER = 7_654_321; // coprime with 10, so the code scramble is a bijection
const GEN_PREFIX_EAN = '8999';
const GEN_PREFIX_UPC = '0074';

function modInverse(a: number, m: number): bigint {
  let [oldR, r] = [BigInt(a), BigInt(m)];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % BigInt(m)) + BigInt(m)) % BigInt(m);
}
const GEN_INVERSE = modInverse(GEN_MULTIPLIER, GENERATED_SPACE);

const round100 = (value: number): number => Math.max(100, Math.round(value / 100) * 100);

/** The whole variant catalog: fixed records first, then `count` generated ones. */
export class DemoCatalog {
  readonly fixed: readonly SimVariant[];
  private readonly fixedByCode = new Map<string, SimVariant>();
  private readonly fixedById = new Map<string, SimVariant>();
  private readonly offset: number;
  private readonly idTag: string;
  private categoryIndex: Map<string, number[]> | null = null;

  constructor(
    readonly seed: number,
    readonly generatedCount: number,
  ) {
    this.fixed = [...DOCUMENTED_VARIANTS, ...CURATED_VARIANTS].map(fromSpec);
    for (const variant of this.fixed) {
      this.fixedByCode.set(variant.Code, variant);
      this.fixedById.set(variant.ID.toLowerCase(), variant);
    }
    this.offset = hash(seed, 501, 0) % GENERATED_SPACE;
    this.idTag = hex(hash(seed, 600 + 3, 0), 4);
  }

  get size(): number {
    return this.fixed.length + this.generatedCount;
  }

  /** Variant at catalog position `index` (0-based), or null past the end. */
  at(index: number): SimVariant | null {
    if (index < 0 || index >= this.size) return null;
    if (index < this.fixed.length) return this.fixed[index] ?? null;
    return this.generated(index - this.fixed.length);
  }

  byCode(code: string): SimVariant | null {
    const fixedVariant = this.fixedByCode.get(code);
    if (fixedVariant) return fixedVariant;
    if (!/^\d{13}$/.test(code)) return null;
    const prefix = code.slice(0, 4);
    if (prefix !== GEN_PREFIX_EAN && prefix !== GEN_PREFIX_UPC) return null;
    const scrambled = BigInt(code.slice(4, 12));
    const i = Number((((scrambled - BigInt(this.offset)) % 100_000_000n + 100_000_000n) * GEN_INVERSE) % 100_000_000n);
    if (i >= this.generatedCount) return null;
    const variant = this.generated(i);
    return variant.Code === code ? variant : null;
  }

  byId(id: string): SimVariant | null {
    const lower = id.toLowerCase();
    const fixedVariant = this.fixedById.get(lower);
    if (fixedVariant) return fixedVariant;
    const match = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f]{4})([0-9a-f]{8})$/.exec(lower);
    if (!match || match[1] !== this.idTag) return null;
    const i = Number.parseInt(match[2] ?? '', 16);
    if (!Number.isFinite(i) || i >= this.generatedCount) return null;
    const variant = this.generated(i);
    return variant.ID === lower ? variant : null;
  }

  /** Catalog positions in a category (built once on first use). */
  positionsInCategory(category: string): readonly number[] {
    if (!this.categoryIndex) {
      const index = new Map<string, number[]>();
      for (let i = 0; i < this.size; i++) {
        const cat = i < this.fixed.length ? this.fixed[i]?.Category : this.templateFor(i - this.fixed.length).template.category;
        if (cat === undefined) continue;
        const key = cat.toLowerCase();
        const list = index.get(key) ?? [];
        list.push(i);
        index.set(key, list);
      }
      this.categoryIndex = index;
    }
    return this.categoryIndex.get(category.toLowerCase()) ?? [];
  }

  private templateFor(i: number): { template: Template; h: number; templateIndex: number } {
    const h = hash(this.seed, 510, i);
    const templateIndex = h % TEMPLATES.length;
    const template = TEMPLATES[templateIndex] ?? (TEMPLATES[0] as Template);
    return { template, h, templateIndex };
  }

  private generated(i: number): SimVariant {
    const { template, h, templateIndex } = this.templateFor(i);
    const h2 = hash(this.seed, 520, i);
    const optionIndex = template.options.length > 0 ? (h >>> 8) % template.options.length : -1;
    const option = optionIndex >= 0 ? template.options[optionIndex] : undefined;
    const [size, factor] = template.sizes[(h >>> 16) % template.sizes.length] ?? ['', 1];
    const price = round100(template.price * factor * (0.92 + ((h2 >>> 4) % 17) / 100));
    const scrambled = (i * GEN_MULTIPLIER + this.offset) % GENERATED_SPACE;
    const prefix = (h2 >>> 12) % 25 === 0 ? GEN_PREFIX_UPC : GEN_PREFIX_EAN;
    const product = option ? `${template.product} ${option}` : template.product;
    return {
      ID: guid(this.seed, 600, i),
      ProductID: guid(this.seed, 700, templateIndex * 100 + optionIndex + 1),
      Category: template.category,
      Brand: template.brand,
      Product: product,
      Variant: size,
      Name: `${product} ${size}`,
      Code: ean13(`${prefix}${String(scrambled).padStart(8, '0')}`),
      Type: 'Standard',
      UnitPrice: price,
      UnitCost: round100(price * 0.8),
      Weight: 0,
      Taxable: true,
      Discontinued: h2 % 40 === 0,
      OutletPrice: h2 % 12 === 1 ? [{ Outlet: 'Pluit', Price: round100(price * 0.95), ExtraCost: 0 }] : [],
    };
  }
}

function fromSpec(spec: FixedVariantSpec): SimVariant {
  return {
    ID: spec.id,
    ProductID: spec.productId,
    Category: spec.category,
    Brand: spec.brand,
    Product: spec.product,
    Variant: spec.variant,
    Name: spec.name,
    Code: spec.code,
    Type: 'Standard',
    UnitPrice: spec.price,
    UnitCost: round100(spec.price * 0.6),
    Weight: 0,
    Taxable: true,
    Discontinued: spec.discontinued ?? false,
    OutletPrice: spec.outletPrice ?? [],
  };
}

// ------------------------------------------------------------------ seeded documents

export interface DemoBarcodeDocument {
  readonly outlet: string;
  readonly number: string;
  readonly lines: readonly { readonly code: string; readonly quantity: number; readonly unitPrice: number }[];
}

/** Bill (goods received) and delivery from the Barcode examples. */
export const DEMO_BILLS: readonly DemoBarcodeDocument[] = [
  {
    outlet: 'Pluit',
    number: '2023.09.00001',
    lines: [
      { code: '1315L', quantity: 10, unitPrice: 280000 },
      { code: '200536', quantity: 15, unitPrice: 540000 },
      { code: '1315XL', quantity: 20, unitPrice: 280000 },
    ],
  },
  {
    outlet: 'Main Store',
    number: '2023.09.00002',
    lines: [
      { code: ean13('899100100001'), quantity: 12, unitPrice: 3500 },
      { code: ean13('899100100013'), quantity: 6, unitPrice: 3300 },
      { code: '1342M', quantity: 4, unitPrice: 185000 },
      { code: 'ROTI-001', quantity: 3, unitPrice: 17500 },
    ],
  },
];
export const DEMO_DELIVERIES: readonly DemoBarcodeDocument[] = [
  {
    outlet: 'Pluit',
    number: '2023.09.00001',
    lines: [
      { code: '1315L', quantity: 10, unitPrice: 280000 },
      { code: '200536', quantity: 15, unitPrice: 540000 },
    ],
  },
];

export interface DemoSalesOrder {
  readonly outlet: string;
  readonly number: string;
  readonly referenceNumber: string | null;
  readonly logisticServiceCode: string | null;
  readonly note: string | null;
}
export const DEMO_SALES_ORDERS: readonly DemoSalesOrder[] = [
  { outlet: 'Outlet1', number: '20.06.00001', referenceNumber: null, logisticServiceCode: null, note: null },
  // A few more to try the sales-order fulfilment screen in the demo store.
  { outlet: 'Main Store', number: 'SO-MS-0001', referenceNumber: null, logisticServiceCode: null, note: null },
  { outlet: 'Main Store', number: 'SO-MS-0002', referenceNumber: 'JP0000000001', logisticServiceCode: 'JNE-REG', note: 'Waiting for pick-up' },
  { outlet: 'Pluit', number: 'SO-PL-0001', referenceNumber: null, logisticServiceCode: null, note: null },
];

/** Invoices present at start: the delete example's LM3002, one that matches the list example, a few more. */
export function demoInvoices(): InvoiceInput[] {
  return [
    {
      Outlet: 'Outlet1', Number: 'LM3002', Date: '2020-05-20', Tag: 'Offline', TaxType: 'No Tax',
      Variants: [{ Code: '1000', Quantity: 2, Price: 65000 }],
      Payments: [{ Amount: 130000, Method: 'Cash' }],
    },
    {
      Outlet: 'Outlet1', Number: '20.06.00002', Date: '2020-06-02', Tag: 'Tokopedia', TaxType: 'No Tax', Fulfillment: 'Sent',
      Note: 'Invoice Note', ReferenceNumber: 'TKP002',
      Customer: { Name: 'John Doe', Email: 'johndoe@email.com', Mobile: '08112345', Code: 'JD001' },
      Variants: [{ Code: '1315L', Quantity: 1, Price: 280000 }],
      Payments: [{ Amount: 280000, Method: 'Bank Transfer' }],
    },
    {
      Outlet: 'Main Store', Number: 'MS-0001', Date: '2024-01-05', Tag: 'Offline', TaxType: 'PPN 11%',
      Variants: [
        { Code: ean13('899100100001'), Quantity: 5, Price: 3500 },
        { Code: ean13('899100100002'), Quantity: 2, Price: 3500 },
      ],
      Payments: [{ Amount: 27195, Method: 'Cash' }],
    },
    {
      Outlet: 'Pluit', Number: 'PL-0001', Date: '2024-01-06', Tag: 'Offline', TaxType: 'PPN 11% Inclusive',
      Variants: [{ Code: ean13('899100100007'), Quantity: 1, Price: 14900 }],
      Payments: [{ Amount: 14900, Method: 'QRIS' }],
    },
  ];
}
