// The storefront's scenarios in a real browser against the real stack (see
// run.mjs: the router runs in persisted-only mode). Each scenario saves
// screenshots of the pages it visits and checks them with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launch, newPage, screenshots, axeViolations } from './browser.mjs';
import { arbitrary, gql, login, must } from './api.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const TECHHUB = '01937a00-0000-7000-8000-0000000000a1';

async function checkPage(page, name) {
  await screenshots(page, name);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${name}: axe-core serious/critical violations`);
}

async function signIn(page, email, password = 'Purra@2026') {
  await page.goto('/signin');
  const form = page.locator('form[aria-labelledby="signin-title"]');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

const status = (page) => page.locator('[data-testid="order-status"]');

async function waitForStatus(page, s, timeout = 30_000) {
  await page.waitForSelector(`[data-testid="order-status"][data-status="${s}"]`, { timeout });
}

async function addAddress(page, a) {
  await page.getByRole('button', { name: 'Add a new address' }).click();
  const form = page.getByRole('form', { name: 'Add a new address' });
  await form.getByLabel('Full name').fill(a.name);
  await form.getByLabel('Mobile number').fill(a.phone);
  await form.getByLabel('Flat, house no., building').fill(a.line1);
  await form.getByLabel('Town or city').fill(a.city);
  await form.getByLabel('State').selectOption(a.state);
  await form.getByLabel('PIN code').fill(a.pinCode);
  await form.getByRole('button', { name: 'Save' }).click();
  return form;
}

test('1. Rahul searches with a typo, filters, buys two iPhone 15 with WELCOME10, pays by UPI and watches the order go live to SHIPPED', async () => {
  // The router refuses documents it does not know (persisted-only mode) …
  const refused = await arbitrary('{ __typename }');
  assert.equal(refused.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_ONLY');

  const { page, errors } = await newPage(browser);
  await page.goto('/');
  await page.locator('[aria-roledescription="carousel"] h2').waitFor();
  await checkPage(page, 'home');

  await signIn(page, 'rahul@purra.in');
  await page.getByRole('searchbox', { name: 'Search products' }).fill('iphon');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?q=iphon$/);
  await page.locator('a[href="/p/apple-iphone-15"]').first().waitFor();
  // (a click, not check(): the box follows the URL, which updates after the navigation)
  await page.getByRole('group', { name: 'Storage' }).getByLabel('256 GB').click();
  await page.waitForURL(/a\.storage=256/);
  assert.equal(await page.getByRole('group', { name: 'Storage' }).getByLabel('256 GB').isChecked(), true);
  await page.getByRole('status').filter({ hasText: 'products' }).waitFor();
  await checkPage(page, 'search');
  await page.locator('a[href="/p/apple-iphone-15"]').first().click();
  await page.waitForURL((u) => u.pathname === '/p/apple-iphone-15');

  await page.getByRole('group', { name: /^Colour/ }).getByText('Blue', { exact: true }).click();
  await page.getByRole('group', { name: /^Storage/ }).getByText('256 GB', { exact: true }).click();
  await page.getByText('Blue, 256 GB', { exact: true }).waitFor();
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByText('Added to your cart.').waitFor();
  await checkPage(page, 'product');

  await page.getByRole('link', { name: 'Go to cart' }).click();
  await page.waitForURL('**/cart');
  const line = page.locator('[data-testid="cart-line"]');
  await line.first().waitFor();
  assert.equal(await line.count(), 1);
  assert.equal(await line.locator('[data-testid="line-qty"]').textContent(), '2');
  await page.getByLabel('Coupon code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('Coupon WELCOME10 applied.').waitFor();
  await page.locator('[data-testid="coupon-discount"]').waitFor();
  await checkPage(page, 'cart');

  await page.getByRole('link', { name: 'Proceed to checkout' }).click();
  await page.waitForURL('**/checkout');
  await addAddress(page, { name: 'Rahul Sharma', phone: '9876543210', line1: '12 MG Road', city: 'Bengaluru', state: 'KARNATAKA', pinCode: '560001' });
  // TechHub ships from Karnataka: within the state GST is CGST + SGST …
  await page.locator('[data-testid="cgst"]').waitFor();
  await page.locator('[data-testid="sgst"]').waitFor();
  assert.equal(await page.locator('[data-testid="igst"]').count(), 0);
  await page.getByRole('radio', { name: /Mumbai/ }).check();
  // … and to Maharashtra it is IGST.
  await page.locator('[data-testid="igst"]').waitFor();
  assert.equal(await page.locator('[data-testid="cgst"]').count(), 0);
  await page.getByRole('radio', { name: 'UPI' }).check();
  await page.getByLabel('UPI ID').fill('slow@sandbox'); // the sandbox answers after 2 s
  await checkPage(page, 'checkout');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]+$/);
  const orderId = page.url().split('/').pop();
  await page.evaluate(() => { window.__sameDocument = true; });
  await page.getByText('updates live').waitFor(); // the orderStatusChanged subscription is open

  await waitForStatus(page, 'CONFIRMED');
  const timeline = await page.locator('[data-testid="timeline"]').innerText();
  assert.match(timeline, /Awaiting payment[\s\S]*Paid[\s\S]*Confirmed/);
  await checkPage(page, 'order');

  // The seed owner ships it through the API; the open page follows.
  const vikram = await login('vikram@purra.in');
  await must('MarkOrderPacked', { id: orderId }, vikram);
  await waitForStatus(page, 'PACKED');
  await must('MarkOrderShipped', { id: orderId, trackingNumber: 'BLR-123456', carrier: 'Delhivery' }, vikram);
  await waitForStatus(page, 'SHIPPED');
  await page.getByText('Shipped with Delhivery, tracking number BLR-123456').waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  assert.deepEqual(errors, []);
});

test('2. A new shopper registers, fixes a bad PIN code, orders the last unit by COD, cancels, and the stock comes back', async () => {
  // The seed owner lists a product with one unit in stock.
  const vikram = await login('vikram@purra.in');
  const facets = await must('ListingFacets', {});
  const brand = facets.brands.find((b) => b.slug === 'ambrane');
  const category = facets.categories.flatMap((c) => [c, ...c.children]).find((c) => c.slug === 'cables');
  const tag = randomUUID().slice(0, 8);
  const { createProduct } = await must('CreateProduct', { input: { storeId: TECHHUB, title: `Ambrane Braided USB-C Cable ${tag}`, brandId: brand.id, categoryId: category.id, hsnCode: '8544', description: 'One metre, 60 W.' } }, vikram);
  const slug = createProduct.product.slug;
  await must('CreateVariant', { input: { productId: createProduct.product.id, sku: `AMB-CABLE-${tag.toUpperCase()}`, title: 'Black', mrp: 49900, price: 39900, initialStock: 1 } }, vikram);
  await must('UpdateProduct', { input: { id: createProduct.product.id, status: 'ACTIVE' } }, vikram);

  const { page } = await newPage(browser);
  const stock = page.locator('[data-testid="stock"]');
  const stockOnPage = async () => {
    await page.goto(`/p/${slug}`);
    return (await stock.textContent()).trim();
  };
  // inventory learns the opening stock from the catalog's event
  for (let i = 0; i < 40 && (await stockOnPage()) !== 'In stock'; i++) await page.waitForTimeout(500);
  assert.equal(await stock.textContent(), 'In stock');

  await page.goto('/signin');
  const form = page.locator('form[aria-labelledby="register-title"]');
  const email = `shopper-${tag}@example.in`;
  await form.getByLabel('Full name').fill('Ananya Iyer');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Mobile number').fill(`98${String(Date.now()).slice(-8)}`);
  await form.getByLabel('Password').fill('Shopper2026secure');
  await form.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => u.pathname === '/');

  await page.goto(`/p/${slug}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByText('Added to your cart.').waitFor();
  await page.goto('/checkout');
  const address = await addAddress(page, { name: 'Ananya Iyer', phone: '9812345678', line1: '4 Anna Salai', city: 'Chennai', state: 'TAMIL_NADU', pinCode: '60001' });
  // the server's refusal is shown at the PIN code field
  const pin = address.getByLabel('PIN code');
  await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"][autocomplete="postal-code"]'));
  const describedBy = await pin.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText(), /PIN|pin|6/);
  await checkPage(page, 'checkout-bad-pin');
  await pin.fill('600002');
  await address.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('radio', { name: /Chennai/ }).waitFor();

  await page.getByRole('radio', { name: 'Cash on Delivery' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]+$/);
  const orderUrl = page.url();
  await waitForStatus(page, 'CONFIRMED');
  assert.equal(await stockOnPage(), 'Out of stock', 'the only unit is reserved by the order');

  await page.goto(orderUrl);
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.getByLabel('Why are you cancelling?').fill('Ordered by mistake');
  await page.getByRole('button', { name: 'Cancel this order' }).click();
  await waitForStatus(page, 'CANCELLED');
  let back = '';
  for (let i = 0; i < 40 && back !== 'In stock'; i++) {
    back = await stockOnPage();
    if (back !== 'In stock') await page.waitForTimeout(500);
  }
  assert.equal(back, 'In stock', 'the cancelled order released its unit');
});

test('3. A double-clicked "Place order" places exactly one order', async () => {
  const tag = randomUUID().slice(0, 8);
  const email = `double-${tag}@example.in`;
  const reg = await must('Register', { input: { name: 'Double Click', email, phone: `97${String(Date.now()).slice(-8)}`, password: 'Shopper2026secure' } });
  const token = reg.register.accessToken;
  await must('AddAddress', { input: { name: 'Double Click', phone: '9812345678', line1: '1 Park Street', city: 'Kolkata', state: 'WEST_BENGAL', pinCode: '700016' } }, token);
  const search = await must('SearchProducts', { filter: { query: 'boat airdopes' }, first: 1 });
  const product = await must('ProductBySlug', { slug: search.products.edges[0].node.slug });
  const variant = product.product.variants.find((v) => v.inStock);
  await must('AddToCart', { variantId: variant.id, quantity: 1 }, token);

  const { page } = await newPage(browser);
  await signIn(page, email, 'Shopper2026secure');
  await page.goto('/checkout');
  await page.getByRole('radio', { name: 'Net banking' }).check();
  await page.getByRole('button', { name: 'Place order' }).dblclick();
  await page.waitForURL(/\/orders\/[0-9a-f-]+$/);
  await page.waitForTimeout(1000); // let a second request, if any, finish
  const orders = await must('MyOrders', { first: 10 }, token);
  assert.equal(orders.myOrders.totalCount, 1);
});

test('4. Hindi: the cart and checkout render in Hindi with ₹ in Indian grouping', async () => {
  const { page } = await newPage(browser);
  await signIn(page, 'amit@purra.in');
  // the header's switch, remembered across pages
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await page.getByRole('button', { name: 'साइन आउट' }).waitFor();
  const token = await login('amit@purra.in');
  const product = await must('ProductBySlug', { slug: 'apple-iphone-15' }, token); // a retailer sees the MOQ
  const v = product.product.variants.find((x) => x.inStock);
  const r = await gql('AddToCart', { variantId: v.id, quantity: v.minOrderQuantity ?? 1 }, token);
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  await page.goto('/cart');
  await page.getByRole('heading', { name: 'आपका कार्ट' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'hi');
  const total = await page.locator('[data-testid="total"] dd').innerText();
  assert.match(total, /^₹\d{1,2}(,\d{2})*,\d{3}\.\d{2}$/, `total ${total} in Indian grouping`);
  await page.getByText('कुल', { exact: true }).waitFor();
  await checkPage(page, 'cart-hi');
  await page.getByRole('link', { name: 'चेकआउट करें' }).click();
  await page.getByRole('heading', { name: 'चेकआउट', exact: true }).waitFor();
  await page.getByRole('button', { name: 'ऑर्डर दें' }).waitFor();
  await page.getByText('भुगतान का तरीका').first().waitFor();
  await checkPage(page, 'checkout-hi');
});

test('6. axe-core: the store, wishlist, orders and account pages have no serious or critical violations', async () => {
  const { page } = await newPage(browser);
  await page.goto('/s/techhub');
  await page.getByRole('heading', { name: 'TechHub' }).waitFor();
  await checkPage(page, 'store');
  await page.goto('/c/mobiles');
  await page.getByRole('status').filter({ hasText: 'products' }).waitFor();
  await checkPage(page, 'category');
  await signIn(page, 'rahul@purra.in');
  for (const [path, heading, name] of [['/orders', 'Your orders', 'orders'], ['/wishlist', 'Your wishlist', 'wishlist'], ['/account', 'Your account', 'account']]) {
    await page.goto(path);
    await page.getByRole('heading', { name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await checkPage(page, name);
  }
});

test('7. A banned shopper is signed out with a clear message', async () => {
  const tag = randomUUID().slice(0, 8);
  const email = `banned-${tag}@example.in`;
  const reg = await must('Register', { input: { name: 'Soon Banned', email, phone: `96${String(Date.now()).slice(-8)}`, password: 'Shopper2026secure' } });
  const { page } = await newPage(browser);
  await signIn(page, email, 'Shopper2026secure');
  await page.goto('/account');
  await page.getByRole('heading', { name: 'Your account' }).waitFor();

  const admin = (await must('AdminLogin', { input: { email: 'priya@purra.in', password: 'Purra@2026' } })).adminLogin.accessToken;
  await must('BanUser', { id: reg.register.user.id, reason: 'Payment fraud' }, admin);
  // Subgraphs refuse the banned user's access tokens within ~20 s; the refresh is refused as BANNED.
  const message = page.getByText('You have been signed out: this account has been suspended.');
  for (let i = 0; i < 20 && !(await message.isVisible()); i++) {
    await page.waitForTimeout(2000);
    await page.goto('/account');
    await page.waitForLoadState('networkidle');
  }
  await message.waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('purra.session')), null);
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
});
