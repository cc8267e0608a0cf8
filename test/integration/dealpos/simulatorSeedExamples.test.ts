/**
 * Each example request of the user's DealPOS pages (../shared/dealpos/seed-*.txt), sent to the
 * simulator as written — GET with a JSON body included — gets the documented fields and values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator, type Simulator } from '../../../main/simulator/simulatorServer';
import { curlLike, fetchToken, rawRequest } from './rawHttp';

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, variants: 100 });
  token = await fetchToken(sim.url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
});
afterAll(async () => sim.close());

const TAFTA_FULL = {
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
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('seed-000 examples', () => {
  it('GET Customer/Email', async () => {
    const answer = await curlLike(sim.url, token, 'GET', '/api/v3/Customer/Email', '{\n"Email": "tafta@dealpos.com"\n}');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      Name: 'Tafta tata',
      Email: 'Tafta@dealpos.com',
      FirstName: 'Tafta',
      LastName: 'tata',
      Gender: true,
      Code: 'HW008',
      Phone: '021-66698155',
      Mobile: '081588818888',
      Address: 'Jl. Lenteng Agung',
      ReferredBy: '449e35af-190d-4137-aa13-9cf2cf6af57a',
      Group: 'Gold',
      ExpiredGroup: '31 Jul 2019',
      SignUpOutlet: 'Outlet1',
      ImageURL: '//res.cloudinary.com/dealposdev/image/upload//Contact/ff63d5ad-b42b-4a84-a77f-eb40f0bd6dd8/0.jpg',
      LoyaltyPoint: 88,
      Status: 'Active',
    });
  });

  it('GET Variant/GetIDByListCode', async () => {
    const answer = await curlLike(sim.url, token, 'GET', '/api/v3/Variant/GetIDByListCode', '[\n"1000",\n"1001",\n"1002"\n]');
    expect(answer.json).toEqual([
      { ID: 'e156a0a9-1552-49d4-b597-d4ca09c3ed54', ProductID: '418c0cde-1e5f-4c77-a9f4-312bc96939cb', Code: '1000' },
      { ID: 'd2dfbf1a-da61-48e4-9d4d-a921ebfcb8f5', ProductID: '6126764d-57aa-425d-ade6-bc3a847da98a', Code: '1001' },
      { ID: '1587b105-b8a9-404f-907a-f63326003558', ProductID: '7d27dc9f-06f7-4765-bfd3-437903b020fa', Code: '1002' },
    ]);
  });

  it('GET Variant/GetIDByListCodeDiscontinued (IDs differ: the docs reuse the IDs of 1000/1001)', async () => {
    const answer = await curlLike(sim.url, token, 'GET', '/api/v3/Variant/GetIDByListCodeDiscontinued', '{\n"ListCode": [\n"1342L",\n"1342M"\n],\n"Discontinued": "All"\n}');
    const rows = answer.json as Record<string, unknown>[];
    expect(rows.map((r) => Object.keys(r).sort())).toEqual([
      ['Code', 'Discontinued', 'ID', 'ProductID'],
      ['Code', 'Discontinued', 'ID', 'ProductID'],
    ]);
    expect(rows.map((r) => [r['Code'], r['Discontinued']])).toEqual([
      ['1342L', false],
      ['1342M', true],
    ]);
  });

  it('GET Customer/Code and Customer/MobilePhone', async () => {
    const byCode = await curlLike(sim.url, token, 'GET', '/api/v3/Customer/Code', '{\n"Code": "HW008"\n}');
    expect(byCode.json).toEqual(TAFTA_FULL);
    const byMobile = await curlLike(sim.url, token, 'GET', '/api/v3/Customer/MobilePhone', '{\n"MobilePhone": "081588818888"\n}');
    expect(byMobile.json).toEqual(TAFTA_FULL);
  });

  it('PUT SalesOrder/ReferenceNumber', async () => {
    const body = '{\n"Outlet": "Outlet1",\n"Number": "20.06.00001",\n"ReferenceNumber": "TKPD-001",\n"LogisticServiceCode": "JNE123",\n"Note": "This is a note for Sales Order"\n}';
    const answer = await curlLike(sim.url, token, 'PUT', '/api/v3/SalesOrder/ReferenceNumber', body);
    expect(answer.json).toEqual({ Message: 'reference number for sales order 20.06.00001 has been updated' });
    expect(sim.state.salesOrders.get('outlet1|20.06.00001')).toMatchObject({ referenceNumber: 'TKPD-001', logisticServiceCode: 'JNE123' });
  });

  it('GET Barcode/ByBillNumber and Barcode/ByOutletDeliveryNumber', async () => {
    const body = '{\n"Outlet": "Pluit",\n"Number": "2023.09.00001"\n}';
    const bill = await curlLike(sim.url, token, 'GET', '/api/v3/Barcode/ByBillNumber', body);
    expect(bill.json).toEqual([
      { VariantID: '6f96d108-1af5-45de-a593-74719a0ee8e2', Name: 'Cardigan (L)', Code: '1315L', Quantity: 10, UnitPrice: 280000 },
      { VariantID: 'bb5fd4fc-e7fb-4e99-92f4-b3caac23c183', Name: 'Boots (36)', Code: '200536', Quantity: 15, UnitPrice: 540000 },
      { VariantID: 'f4adff17-6e0c-499d-af3f-db8c16e62375', Name: 'Cardigan (XL)', Code: '1315XL', Quantity: 20, UnitPrice: 280000 },
    ]);
    const delivery = await curlLike(sim.url, token, 'GET', '/api/v3/Barcode/ByOutletDeliveryNumber', body);
    expect(delivery.json).toEqual([
      { VariantID: '6f96d108-1af5-45de-a593-74719a0ee8e2', Name: 'Cardigan (L)', Code: '1315L', Quantity: 10, UnitPrice: 280000 },
      { VariantID: 'bb5fd4fc-e7fb-4e99-92f4-b3caac23c183', Name: 'Boots (36)', Code: '200536', Quantity: 15, UnitPrice: 540000 },
    ]);
  });

  it('GET Customer/PIN?ID=string (no body, no Content-Type)', async () => {
    const answer = await rawRequest(sim.url, 'GET', '/api/v3/Customer/PIN?ID=string', { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.json).toEqual({ PIN: '123654' });
  });
});

describe('seed-001 examples (invoice), in documented order', () => {
  const createBody = `{
    "Outlet": "Outlet1", "Number": "20.05.00001", "Date": "2020-05-27", "SalesPerson": "Sales 1", "Tag": "Tokopedia",
    "TaxType": "No Tax", "Register": "Outlet1", "Discount1": 0, "Discount2": 0, "DiscountAmount": 0, "Coupon": 887799,
    "Fulfillment": "Sent", "LogisticServiceCode": "JNE-R", "Note": "Invoice Note", "PointUsed": 5, "ReferenceNumber": "TKP001",
    "Customer": { "Name": "Hendry Wijaya", "Email": "Hendry@dealpos.com", "Mobile": 81514515156, "Code": "HW021", "Address": "Muara Karang no.88" },
    "Variants": [
      { "Code": 200535, "Quantity": 20, "Price": 50000, "Discount": 0, "Note": "Item 1" },
      { "Code": "1315L", "Quantity": 10, "Price": 50000, "Discount": 0, "Note": "Item 2" }
    ],
    "Payments": [ { "Amount": 145000, "Method": "Cash", "Code": "C001", "Note": "Complete payment" } ]
  }`;
  const updateBody = `{
    "Outlet": "Outlet1", "Number": "20.05.00001", "Date": "2020-05-27", "SalesPerson": "Sales 1", "Tag": "Tokopedia",
    "TaxType": "No Tax", "Discount1": 0, "Discount2": 0, "DiscountAmount": 0, "Fulfillment": "Sent", "PurchaseOrderNumber": "TKP001",
    "Customer": { "Name": "Hendry Wijaya", "Email": "Hendry@dealpos.com", "Phone": "02165498468", "Mobile": "081514515156", "Code": "HW021" },
    "Variants": [
      { "Code": "200535", "Quantity": "10", "Price": "50000", "Discount": 0, "Note": "Item 1" },
      { "Code": "1315L", "Quantity": "10", "Price": "50000", "Discount": 0, "Note": "Item 2" }
    ],
    "Payments": [ { "Amount": "100000", "Method": "Cash", "Code": null, "Note": null } ]
  }`;
  let createdId = '';

  it('POST Invoice', async () => {
    const answer = await curlLike(sim.url, token, 'POST', '/api/v3/Invoice', createBody, { UpdateCustomer: 'false', WriteOff: 'false' });
    expect(answer.status).toBe(200);
    const body = answer.json as { ID: string; Number: string };
    expect(Object.keys(body).sort()).toEqual(['ID', 'Number']);
    expect(body.ID).toMatch(GUID);
    expect(body.Number).toBe('20.05.00001');
    createdId = body.ID;
  });

  it('PUT Invoice', async () => {
    const answer = await curlLike(sim.url, token, 'PUT', '/api/v3/Invoice', updateBody);
    expect(answer.json).toEqual({ ID: createdId });
    expect(sim.state.findInvoice('Outlet1', '20.05.00001')).toMatchObject({ ReferenceNumber: 'TKP001', Gross: 1_000_000 });
  });

  it('DELETE Invoice', async () => {
    const answer = await curlLike(sim.url, token, 'DELETE', '/api/v3/Invoice', '{\n"Outlet": "Outlet1",\n"Number": "LM3002"\n}');
    expect(answer.json).toBe('Invoice has been delete!{}');
    // Moved to the bin, not erased: `Bin: true` lists it, a lookup by number no longer finds it.
    expect(sim.state.findInvoice('Outlet1', 'LM3002')).toMatchObject({ InBin: true });
    const bin = await curlLike(sim.url, token, 'POST', '/api/v3/Invoice/MultipleOutlet', '{"PageNumber":1,"PageSize":20,"Outlet":["Outlet1"],"Bin":true}');
    expect((bin.json as Array<{ Number: string }>).map((row) => row.Number)).toEqual(['LM3002']);
    const lookup = await curlLike(sim.url, token, 'GET', '/api/v3/Invoice/IDByNumber?Outlet=Outlet1&Number=LM3002');
    expect(lookup.status).toBe(404);
  });

  it('GET Invoice/MultipleOutlet', async () => {
    const body = `{ "PageNumber": 1, "PageSize": 20, "Outlet": ["Outlet1", "Outlet2"], "Tag": ["Tokopedia", "Shopee"],
      "PaymentState": "Paid", "Fulfillment": "Sent", "Email": "johndoe@email.com", "Mobile": "08112345", "Bin": false, "Note": "Invoice Note" }`;
    const answer = await curlLike(sim.url, token, 'GET', '/api/v3/Invoice/MultipleOutlet', body);
    const rows = answer.json as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Outlet: 'Outlet1', Number: '20.06.00002', Customer: 'John Doe', Date: '2020-06-02T00:00:00', Due: '0001-01-01T00:00:00' });
    expect(rows[0]?.['ID']).toMatch(GUID);
  });
});
