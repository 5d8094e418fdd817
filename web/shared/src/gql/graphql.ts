/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** RFC 3339 date-time. */
  DateTime: { input: string; output: string; }
  /** Any JSON value (an object, as stored). */
  JSON: { input: unknown; output: unknown; }
  /** Integer paise (1 rupee = 100 paise), 64-bit. */
  Paise: { input: number; output: number; }
};

/** A new value of an attribute. */
export type AddAttributeValueInput = {
  /** The attribute. */
  attributeId: Scalars['ID']['input'];
  /** The value, 1–50 characters, unique within the attribute ignoring case. */
  value: Scalars['String']['input'];
};

/** Result of addAttributeValue. */
export type AddAttributeValuePayload = {
  __typename?: 'AddAttributeValuePayload';
  /** The attribute with the new value. */
  attribute: Attribute;
  /** The new value. */
  value: AttributeValue;
};

/** An image for a product. */
export type AddProductMediaInput = {
  /** Alternative text, at most 300 characters. */
  alt: Scalars['String']['input'];
  /** The product. */
  productId: Scalars['ID']['input'];
  /** Renditions, 1–12 distinct (width, format) pairs. */
  urls: Array<MediaUrlInput>;
};

/** Result of addProductMedia. */
export type AddProductMediaPayload = {
  __typename?: 'AddProductMediaPayload';
  /** The new image. */
  media: ProductMedia;
  /** The product with the new image last. */
  product: Product;
};

/** An image for a variant. */
export type AddVariantMediaInput = {
  /** Alternative text, at most 300 characters. */
  alt: Scalars['String']['input'];
  /** Renditions, 1–12 distinct (width, format) pairs. */
  urls: Array<MediaUrlInput>;
  /** The variant. */
  variantId: Scalars['ID']['input'];
};

/** Result of addVariantMedia. */
export type AddVariantMediaPayload = {
  __typename?: 'AddVariantMediaPayload';
  /** The new image. */
  media: VariantMedia;
  /** The variant with the new image last. */
  variant: ProductVariant;
};

/** A delivery address of a user. Exactly one of a user's addresses is the default. */
export type Address = {
  __typename?: 'Address';
  /** City or town. */
  city: Scalars['String']['output'];
  /** When the address was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable id (UUID v7). */
  id: Scalars['ID']['output'];
  /** Whether this is the user's default delivery address. */
  isDefault: Scalars['Boolean']['output'];
  /** A landmark that helps the courier. */
  landmark?: Maybe<Scalars['String']['output']>;
  /** House, building, street. */
  line1: Scalars['String']['output'];
  /** Area, locality. */
  line2?: Maybe<Scalars['String']['output']>;
  /** Recipient's name. */
  name: Scalars['String']['output'];
  /** Recipient's mobile number, +91XXXXXXXXXX. */
  phone: Scalars['String']['output'];
  /** Six-digit PIN code. */
  pinCode: Scalars['String']['output'];
  /** State or union territory. */
  state: IndianState;
};

/** A delivery address. updateAddress replaces every field with these values. */
export type AddressInput = {
  /** City or town; 1–100 characters. */
  city: Scalars['String']['input'];
  /**
   * True makes this the default address. False or omitted leaves the default where
   * it is (a user's first address is always the default).
   */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  /** Landmark; up to 100 characters. */
  landmark?: InputMaybe<Scalars['String']['input']>;
  /** House, building, street; 1–200 characters. */
  line1: Scalars['String']['input'];
  /** Area, locality; up to 200 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** Recipient's name, 1–100 characters. */
  name: Scalars['String']['input'];
  /** Recipient's Indian mobile number. */
  phone: Scalars['String']['input'];
  /** Six digits, the first 1–9. */
  pinCode: Scalars['String']['input'];
  /** State or union territory. */
  state: IndianState;
};

/** One admin action, recorded by the subgraph where it happened. */
export type AdminAuditLog = {
  __typename?: 'AdminAuditLog';
  /** `<entity>.<verb>`, e.g. user.ban, product.update. */
  action: Scalars['String']['output'];
  /** The admin who acted; null if the account is not known here. */
  admin?: Maybe<AdminUser>;
  /** Who acted. */
  adminId: Scalars['ID']['output'];
  /** And after; null when it was deleted. */
  after?: Maybe<Scalars['JSON']['output']>;
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** A summary of the target before the action; null when it was created. */
  before?: Maybe<Scalars['JSON']['output']>;
  /** The id of the admin.action event. */
  id: Scalars['ID']['output'];
  /** The admin's IP address. */
  ip?: Maybe<Scalars['String']['output']>;
  /** The permission the action needed (empty for an admin's own sign-in and sessions). */
  permission: Scalars['String']['output'];
  /** The request id of the action. */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The subgraph where it happened. */
  service: Scalars['String']['output'];
  /** The session the action came from. */
  sessionId?: Maybe<Scalars['String']['output']>;
  /** Its id. */
  targetId: Scalars['String']['output'];
  /** The kind of thing acted on, e.g. User. */
  targetType: Scalars['String']['output'];
};

/** Result of adminLogin. */
export type AdminAuthPayload = {
  __typename?: 'AdminAuthPayload';
  /** RS256 JWT (issuer purra-admin, role ADMIN, sid = session id); send as `Authorization: Bearer …`. */
  accessToken: Scalars['String']['output'];
  /** The signed-in admin. */
  admin: AdminUser;
  /** When the access token expires (15 minutes). */
  expiresAt: Scalars['DateTime']['output'];
  /** The new session. */
  session: AdminSession;
};

/** Admin credentials. */
export type AdminLoginInput = {
  /** The admin's email. */
  email: Scalars['String']['input'];
  /** The admin's password. */
  password: Scalars['String']['input'];
};

/** Result of adminLogout. */
export type AdminLogoutPayload = {
  __typename?: 'AdminLogoutPayload';
  /** Always true: the session is ended. */
  loggedOut: Scalars['Boolean']['output'];
};

/** A permission (`resource:action`) that roles can grant; the list is fixed. */
export type AdminPermission = {
  __typename?: 'AdminPermission';
  /** What it allows. */
  description: Scalars['String']['output'];
  /** E.g. catalog:write. */
  name: Scalars['String']['output'];
};

/** A named set of permissions given to admins. */
export type AdminRole = {
  __typename?: 'AdminRole';
  /** When the role was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the role is for. */
  description: Scalars['String']['output'];
  /** Stable id (UUID). */
  id: Scalars['ID']['output'];
  /** Unique name in upper snake case, e.g. SUPER_ADMIN. */
  name: Scalars['String']['output'];
  /** The permissions it grants (`resource:action`), sorted. */
  permissions: Array<Scalars['String']['output']>;
  /** When the role last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A signed-in admin session (one adminLogin). */
export type AdminSession = {
  __typename?: 'AdminSession';
  /** Neither revoked nor expired. */
  active: Scalars['Boolean']['output'];
  /** Whose session it is. */
  adminId: Scalars['ID']['output'];
  /** When the admin signed in. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether this is the caller's own current session. */
  current: Scalars['Boolean']['output'];
  /** The browser or client (User-Agent) that signed in, at most 300 characters. */
  device: Scalars['String']['output'];
  /** When the session ends on its own (12 h after sign-in). */
  expiresAt: Scalars['DateTime']['output'];
  /** The session id (the `sid` claim of its tokens). */
  id: Scalars['ID']['output'];
  /** The client IP address at sign-in. */
  ip: Scalars['String']['output'];
  /** The last authenticated request (updated at most once a minute). */
  lastSeenAt: Scalars['DateTime']['output'];
  /** When it was revoked (logout, revocation, deactivation); null if not. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A back-office account. */
export type AdminUser = {
  __typename?: 'AdminUser';
  /** False once deactivated: the admin cannot sign in and their sessions are revoked. */
  active: Scalars['Boolean']['output'];
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Login email, lower-case. */
  email: Scalars['String']['output'];
  /** Stable id (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, 1–100 characters. */
  name: Scalars['String']['output'];
  /** The union of the roles' permissions, sorted. */
  permissions: Array<Scalars['String']['output']>;
  /** The admin's roles, by name. */
  roles: Array<AdminRole>;
  /** When the account last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** An application to become a store owner. */
export type ApplyForOwnerInput = {
  /** Registered business name, 1–200 characters. */
  businessName: Scalars['String']['input'];
  /** GSTIN of the business. */
  gstin: Scalars['String']['input'];
  /** PAN of the business; must equal characters 3–12 of the GSTIN. */
  pan: Scalars['String']['input'];
};

/** Result of archiveProduct. */
export type ArchiveProductPayload = {
  __typename?: 'ArchiveProductPayload';
  /** The archived product. */
  product: Product;
};

/** A variant dimension such as Colour, Storage, RAM or Screen Size. */
export type Attribute = {
  __typename?: 'Attribute';
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. "Colour". */
  name: Scalars['String']['output'];
  /** Slug used in filters, e.g. "colour". */
  slug: Scalars['String']['output'];
  /** The attribute's values, in display order. */
  values: Array<AttributeValue>;
};

/** Matches variants having one of `values` for the attribute `attribute`. */
export type AttributeFilter = {
  /** The attribute's slug, e.g. "colour". */
  attribute: Scalars['String']['input'];
  /** Accepted values, e.g. ["Black", "Blue"] (case-insensitive). */
  values: Array<Scalars['String']['input']>;
};

/** A value of an attribute, e.g. "Black" or "256 GB". */
export type AttributeValue = {
  __typename?: 'AttributeValue';
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** The value as displayed. */
  value: Scalars['String']['output'];
};

/** A page of audit log entries (Relay connection). */
export type AuditLogConnection = {
  __typename?: 'AuditLogConnection';
  /** The entries of this page with their cursors. */
  edges: Array<AuditLogEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many entries match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An audit log entry in a connection. */
export type AuditLogEdge = {
  __typename?: 'AuditLogEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: AdminAuditLog;
};

/** Narrows auditLogs; every given field must match. */
export type AuditLogFilter = {
  /** Exact action, e.g. user.ban. */
  action?: InputMaybe<Scalars['String']['input']>;
  /** Actions of this admin. */
  adminId?: InputMaybe<Scalars['ID']['input']>;
  /** At or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exact target id. */
  targetId?: InputMaybe<Scalars['String']['input']>;
  /** Exact target type, e.g. User. */
  targetType?: InputMaybe<Scalars['String']['input']>;
  /** Before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Tokens for a signed-in session. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** RS256 JWT to send as `Authorization: Bearer …`; valid for 15 minutes. */
  accessToken: Scalars['String']['output'];
  /** When the access token expires. */
  expiresAt: Scalars['DateTime']['output'];
  /** Opaque single-use token for refreshToken; valid for 30 days. Keep it secret. */
  refreshToken: Scalars['String']['output'];
  /** When the refresh token expires. */
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  /** The signed-in user. */
  user: User;
};

/**
 * A promotional banner. Owned by the banners subgraph. It is shown while it is active and inside
 * its window [startsAt, endsAt). Banners outside their window or inactive resolve (by reference)
 * only for admins holding `banners:write`; for everyone else they are null.
 */
export type Banner = {
  __typename?: 'Banner';
  /** Whether the banner may be shown at all; inactive banners are never shown. */
  active: Scalars['Boolean']['output'];
  /** The catalog category whose page shows the banner (CATEGORY placement only). */
  categoryId?: Maybe<Scalars['ID']['output']>;
  /** When the banner was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the banner stops being shown (exclusive); after startsAt. */
  endsAt: Scalars['DateTime']['output'];
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** The image to show (https URL). */
  imageUrl: Scalars['String']['output'];
  /** Where a click goes: an https URL or a storefront path starting with "/". */
  linkUrl: Scalars['String']['output'];
  /** Where the banner is shown. */
  placement: BannerPlacement;
  /** 0–1000; higher priorities are shown first. */
  priority: Scalars['Int']['output'];
  /** When the banner starts being shown. */
  startsAt: Scalars['DateTime']['output'];
  /** Second line under the headline, at most 200 characters; null when there is none. */
  subtitle?: Maybe<Scalars['String']['output']>;
  /** Headline, 1–120 characters, e.g. "Great Indian Electronics Sale". */
  title: Scalars['String']['output'];
  /** When the banner last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of banners (admin list). */
export type BannerConnection = {
  __typename?: 'BannerConnection';
  /** The banners of this page with their cursors. */
  edges: Array<BannerEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many banners match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A banner in a connection. */
export type BannerEdge = {
  __typename?: 'BannerEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The banner. */
  node: Banner;
};

/** Where a banner is shown in the storefront. */
export type BannerPlacement =
  /** The top of one category's page (the banner names the category). */
  | 'CATEGORY'
  /** The large carousel at the top of the home page. */
  | 'HOME_HERO'
  /** The thin strip under the home page carousel. */
  | 'HOME_STRIP';

/** A manufacturer brand. */
export type Brand = {
  __typename?: 'Brand';
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Logo image (https), if any. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Display name, e.g. "Samsung". */
  name: Scalars['String']['output'];
  /** URL slug, unique, e.g. "samsung". */
  slug: Scalars['String']['output'];
};

/** Where a bulk job is. */
export type BulkJobStatus =
  /** Every recipient has their notifications queued. */
  | 'DONE'
  /** Fanning out to recipients. */
  | 'RUNNING';

/** An announcement being fanned out to every shopper, 500 at a time. */
export type BulkNotificationJob = {
  __typename?: 'BulkNotificationJob';
  /** The announcement's body. */
  body: Scalars['String']['output'];
  /** The channels it goes out on. */
  channels: Array<NotificationChannel>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the last batch was queued; null while running. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** How many recipients have been covered so far. */
  recipientCount: Scalars['Int']['output'];
  /** Progress. */
  status: BulkJobStatus;
  /** The announcement's title. */
  title: Scalars['String']['output'];
};

/** Shopper roles a coupon can be restricted to. */
export type BuyerRole =
  /** A consumer. */
  | 'CUSTOMER'
  /** A store owner. */
  | 'OWNER'
  /** A business buying in bulk (retailer prices). */
  | 'RETAILER';

/**
 * A shopper's cart: what they intend to buy. It holds variants and quantities only; prices come
 * from the catalogue and the promotions engine whenever they are asked for (`pricing`), never from
 * a copy kept in the cart.
 */
export type Cart = {
  __typename?: 'Cart';
  /** The coupon applied with applyCoupon, upper-case; null when none. */
  couponCode?: Maybe<Scalars['String']['output']>;
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Total number of units across all lines. */
  itemCount: Scalars['Int']['output'];
  /** The lines of the cart, oldest first; one line per variant. */
  items: Array<CartItem>;
  /**
   * The price of the cart as it stands now: promotions' quote for its lines, its coupon and the
   * GST of the shipping address's state. `shippingAddressId` is one of the caller's addresses;
   * when omitted the default address is used, and without any address GST is shown as IGST.
   * An address id that is not one of the caller's is NOT_FOUND. Computed only when selected.
   * Null (with a SERVICE_UNAVAILABLE error) when pricing cannot be reached: the cart itself
   * still shows.
   */
  pricing?: Maybe<CartPricing>;
  /** When the cart last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/**
 * A shopper's cart: what they intend to buy. It holds variants and quantities only; prices come
 * from the catalogue and the promotions engine whenever they are asked for (`pricing`), never from
 * a copy kept in the cart.
 */
export type CartPricingArgs = {
  shippingAddressId?: InputMaybe<Scalars['ID']['input']>;
};

/** Why a coupon does not apply. */
export type CartCouponRejection = {
  __typename?: 'CartCouponRejection';
  /** The coupon code. */
  code: Scalars['String']['output'];
  /** Explanation to show the shopper. */
  message: Scalars['String']['output'];
  /** Machine-readable reason. */
  reason: CartCouponRejectionReason;
};

/** Reasons a coupon is refused. */
export type CartCouponRejectionReason =
  /** The cart is below the coupon's minimum order value. */
  | 'BELOW_MINIMUM'
  /** The coupon's validity has ended. */
  | 'EXPIRED'
  /** The coupon has been switched off. */
  | 'INACTIVE'
  /** The coupon has been used as many times as it may be. */
  | 'LIMIT_REACHED'
  /** No line of the cart is eligible for the coupon. */
  | 'NOT_ELIGIBLE'
  /** No coupon has this code. */
  | 'NOT_FOUND'
  /** The coupon is not valid yet. */
  | 'NOT_STARTED'
  /** The shopper has used the coupon as many times as they may. */
  | 'USER_LIMIT_REACHED';

/** One line of a cart: a variant and how many of it. */
export type CartItem = {
  __typename?: 'CartItem';
  /** When the variant was first put in the cart. */
  addedAt: Scalars['DateTime']['output'];
  /** Unique id (UUID) of the line; use it with updateCartItem and removeCartItem. */
  id: Scalars['ID']['output'];
  /** Number of units: at least 1; at most 10 per line for shoppers, the minimum order quantity up to 10,000 for retailers. */
  quantity: Scalars['Int']['output'];
  /** The variant; its title, price and stock are resolved by the subgraphs that own them. */
  variant: ProductVariant;
};

/** What the cart costs now, as quoted by the promotions engine. Prices include GST. */
export type CartPricing = {
  __typename?: 'CartPricing';
  /** Discount from automatic rules (retailer bulk, category sales). */
  automaticDiscount: Money;
  /** Discount from the cart's coupon; zero when there is none or it was rejected. */
  couponDiscount: Money;
  /** Why the cart's coupon does not apply now (it may have expired since it was applied); null when it applies or there is none. */
  couponRejection?: Maybe<CartCouponRejection>;
  /** GST included in the discounted subtotal, split by the place of supply. */
  gst: CartTaxBreakdown;
  /** One priced line per cart line, in cart order. */
  lines: Array<CartPricingLine>;
  /** Shipping fee; zero above the free-shipping threshold. */
  shipping: Money;
  /** The address whose state decided the GST split; null when the caller has no address (all IGST). */
  shippingAddressId?: Maybe<Scalars['ID']['output']>;
  /** Sum of unit price × quantity before any discount. */
  subtotal: Money;
  /** Amount payable: discounted subtotal plus shipping. */
  total: Money;
};

/** The price of one cart line. */
export type CartPricingLine = {
  __typename?: 'CartPricingLine';
  /** Automatic and coupon discount on this line. */
  discount: Money;
  /** GST included in the discounted line amount. */
  gst: Money;
  /** Unit price × quantity. */
  lineSubtotal: Money;
  /** Discounted line amount, GST included. */
  lineTotal: Money;
  /** Units. */
  quantity: Scalars['Int']['output'];
  /** Price of one unit for this buyer (retailers get the retailer price). */
  unitPrice: Money;
  /** The variant priced. */
  variantId: Scalars['ID']['output'];
};

/** GST included in an amount: CGST + SGST within a state, IGST across states. */
export type CartTaxBreakdown = {
  __typename?: 'CartTaxBreakdown';
  /** Central GST (intra-state supply). */
  cgst: Money;
  /** Integrated GST (inter-state supply). */
  igst: Money;
  /** State GST (intra-state supply). */
  sgst: Money;
  /** cgst + sgst + igst. */
  total: Money;
};

/** A node in the category tree. */
export type Category = {
  __typename?: 'Category';
  /** The path from the root to this category, both included. */
  breadcrumbs: Array<Category>;
  /** Sub-categories, in display order. */
  children: Array<Category>;
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. "Earbuds". */
  name: Scalars['String']['output'];
  /** Parent category; null for a root. */
  parent?: Maybe<Category>;
  /** Display order among siblings. */
  position: Scalars['Int']['output'];
  /** URL slug, unique, e.g. "earbuds". */
  slug: Scalars['String']['output'];
};

/** A category's own return window. */
export type CategoryReturnWindow = {
  __typename?: 'CategoryReturnWindow';
  /** The catalogue category (catalog's Category.id). */
  categoryId: Scalars['ID']['output'];
  /** Days after delivery. */
  days: Scalars['Int']['output'];
  /** When an admin last set it. */
  updatedAt: Scalars['DateTime']['output'];
};

/** What to check out: the cart's lines, delivered to one of the caller's addresses. */
export type CheckoutInput = {
  /** One of the caller's delivery addresses (users subgraph). */
  addressId: Scalars['ID']['input'];
  /**
   * Coupon to use (3–32 of A–Z, 0–9, '_', '-'; any case). Omitted: the coupon applied to the cart, if
   * any. An empty string checks out without a coupon.
   */
  couponCode?: InputMaybe<Scalars['String']['input']>;
  /**
   * Client-chosen key, 8–64 of A–Z, a–z, 0–9, '.', '_', ':', '-', unique per checkout attempt: repeating
   * a call with the same key (after a timeout, or concurrently) returns the same order.
   */
  idempotencyKey: Scalars['String']['input'];
  /** How the buyer pays. */
  paymentMethod: PaymentMethodInput;
};

/** Result of checkout. */
export type CheckoutPayload = {
  __typename?: 'CheckoutPayload';
  /** The order (new, or the one this idempotency key already placed). */
  order: Order;
  /** True when the idempotency key had already placed this order and nothing new happened. */
  replayed: Scalars['Boolean']['output'];
};

/** Kinds of destination of a cash-on-delivery refund. */
export type CodRefundKind =
  /** A bank account (NEFT/IMPS). */
  | 'BANK_ACCOUNT'
  /** A UPI VPA. */
  | 'UPI';

/** Where a cash-on-delivery refund is paid. */
export type CodRefundTo = {
  __typename?: 'CodRefundTo';
  /** Account holder's name. */
  accountName?: Maybe<Scalars['String']['output']>;
  /** Account number with all but its last four digits masked, e.g. XXXXXXXXXX5678. */
  accountNumber?: Maybe<Scalars['String']['output']>;
  /** IFSC. */
  ifsc?: Maybe<Scalars['String']['output']>;
  /** Bank account or UPI. */
  kind: CodRefundKind;
  /** UPI VPA. */
  upiVpa?: Maybe<Scalars['String']['output']>;
};

/** Where a cash-on-delivery refund is paid: a bank account (all three bank fields) or a UPI VPA. */
export type CodRefundToInput = {
  /** Account holder's name, 2–100 characters. */
  accountName?: InputMaybe<Scalars['String']['input']>;
  /** Account number, 9–18 digits. */
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  /** The branch's IFSC, e.g. HDFC0001234. */
  ifsc?: InputMaybe<Scalars['String']['input']>;
  /** UPI VPA, e.g. name@okbank. */
  upiVpa?: InputMaybe<Scalars['String']['input']>;
};

/** A category's commission. */
export type CommissionRate = {
  __typename?: 'CommissionRate';
  /** The catalogue category. */
  categoryId: Scalars['ID']['output'];
  /** Percentage of the line total, e.g. 12.5. */
  percent: Scalars['Float']['output'];
  /** When it was last set. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Commission rates. */
export type CommissionRates = {
  __typename?: 'CommissionRates';
  /** The rate of a line none of whose categories has one (SETTLEMENT_DEFAULT_COMMISSION_PERCENT). */
  defaultPercent: Scalars['Float']['output'];
  /** Every configured category rate, by category id. */
  rates: Array<CommissionRate>;
};

/**
 * A discount code. Everyone may read what it gives and when; usage figures are for admins
 * (promotions:write) only.
 */
export type Coupon = {
  __typename?: 'Coupon';
  /** FLAT: the amount off; null for PERCENT. */
  amountOff?: Maybe<Money>;
  /** Admins: the users a personal coupon is assigned to, with their uses. */
  assignedUsers?: Maybe<Array<CouponUser>>;
  /** When non-empty, only lines of these brands are discounted. */
  brandIds: Array<Scalars['ID']['output']>;
  /** When non-empty, only buyers with one of these roles may use it. */
  buyerRoles: Array<BuyerRole>;
  /** When non-empty, only lines in one of these categories (or their sub-categories) are discounted. */
  categoryIds: Array<Scalars['ID']['output']>;
  /** The code shoppers type, upper-case, e.g. WELCOME10. */
  code: Scalars['String']['output'];
  /** When the coupon was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the coupon gives, for shoppers, e.g. "10% off your first order, up to ₹1,000". */
  description: Scalars['String']['output'];
  /** When the coupon stops being valid (exclusive); null when it does not expire. */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** PERCENT: the most the coupon takes off one order; null when uncapped or FLAT. */
  maxDiscount?: Maybe<Money>;
  /** The order subtotal (before discounts) the coupon needs; zero when none. */
  minOrderValue: Money;
  /** How many times one user may use it; null when unlimited. */
  perUserLimit?: Maybe<Scalars['Int']['output']>;
  /** PERCENT: the percentage off (1–90); null for FLAT. */
  percentOff?: Maybe<Scalars['Int']['output']>;
  /** True when the coupon is reserved for assigned users (who alone may see and use it). */
  personal: Scalars['Boolean']['output'];
  /** When the coupon becomes valid. */
  startsAt: Scalars['DateTime']['output'];
  /** Whether it is switched on, scheduled, expired or switched off. */
  status: CouponStatus;
  /** Admins: redemptions by confirmed orders, released ones excluded. */
  timesRedeemed?: Maybe<Scalars['Int']['output']>;
  /** Admins: uses counted against the limits now (pending holds and redemptions not released). */
  timesUsed?: Maybe<Scalars['Int']['output']>;
  /** PERCENT or FLAT. */
  type: CouponType;
  /** When the coupon last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Admins: how many times it may be used in all; null when unlimited. */
  usageLimit?: Maybe<Scalars['Int']['output']>;
};

/** Where a coupon stands now. */
export type CouponStatus =
  /** Switched on and within its validity window. */
  | 'ACTIVE'
  /** Its validity window has ended. */
  | 'EXPIRED'
  /** Switched off. */
  | 'INACTIVE'
  /** Switched on, valid from startsAt. */
  | 'SCHEDULED';

/** How a coupon's discount is computed. */
export type CouponType =
  /** A fixed amount, at most the eligible amount. */
  | 'FLAT'
  /** A percentage of the eligible amount, optionally capped by maxDiscount. */
  | 'PERCENT';

/** A user a personal coupon is assigned to. */
export type CouponUser = {
  __typename?: 'CouponUser';
  /** When the coupon was assigned to the user. */
  assignedAt: Scalars['DateTime']['output'];
  /** Uses counted against the user's limit now (pending holds and redemptions not released). */
  timesUsed: Scalars['Int']['output'];
  /** The user. */
  user: User;
};

/** A new admin. */
export type CreateAdminInput = {
  /** Unique login email. */
  email: Scalars['String']['input'];
  /** 1–100 characters. */
  name: Scalars['String']['input'];
  /** 10–128 characters with letters and digits. */
  password: Scalars['String']['input'];
  /** 1–20 existing role ids. */
  roleIds: Array<Scalars['ID']['input']>;
};

/** A new attribute. */
export type CreateAttributeInput = {
  /** Name, 1–50 characters, e.g. "Colour". */
  name: Scalars['String']['input'];
  /** Slug ([a-z0-9-], at most 60); generated from the name when omitted. */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Initial values, each 1–50 characters, distinct ignoring case. */
  values?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Result of createAttribute. */
export type CreateAttributePayload = {
  __typename?: 'CreateAttributePayload';
  /** The new attribute with its values. */
  attribute: Attribute;
};

/** A new banner. */
export type CreateBannerInput = {
  /** Whether it may be shown; default true. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Required for CATEGORY, refused for the other placements. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** When it stops being shown; must be after startsAt. */
  endsAt: Scalars['DateTime']['input'];
  /** https URL of the image, at most 2,048 characters. */
  imageUrl: Scalars['String']['input'];
  /** An https URL or a storefront path starting with "/", at most 2,048 characters. */
  linkUrl: Scalars['String']['input'];
  /** Where the banner is shown. */
  placement: BannerPlacement;
  /** 0–1000, higher first; default 0. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** When the banner starts being shown. */
  startsAt: Scalars['DateTime']['input'];
  /** Second line, at most 200 characters; empty means none. */
  subtitle?: InputMaybe<Scalars['String']['input']>;
  /** Headline, 1–120 characters (surrounding spaces are trimmed). */
  title: Scalars['String']['input'];
};

/** Result of createBanner. */
export type CreateBannerPayload = {
  __typename?: 'CreateBannerPayload';
  /** The new banner. */
  banner: Banner;
};

/** A new brand. */
export type CreateBrandInput = {
  /** Logo image, an https URL of at most 2,048 characters. */
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** Display name, 1–100 characters. */
  name: Scalars['String']['input'];
  /** URL slug ([a-z0-9-], at most 80); derived from the name when omitted. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Result of createBrand. */
export type CreateBrandPayload = {
  __typename?: 'CreateBrandPayload';
  /** The new brand. */
  brand: Brand;
};

/** A new category. */
export type CreateCategoryInput = {
  /** Display name, 1–100 characters. */
  name: Scalars['String']['input'];
  /** The parent category; omitted or null for a root. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Display order among its siblings, 0–10,000; after the last sibling when omitted. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** URL slug ([a-z0-9-], at most 80); derived from the name when omitted. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Result of createCategory. */
export type CreateCategoryPayload = {
  __typename?: 'CreateCategoryPayload';
  /** The new category. */
  category: Category;
};

/** A new coupon. */
export type CreateCouponInput = {
  /** Whether the coupon is switched on; default true. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** FLAT only (required): the amount off in paise, at least 1. */
  amountOff?: InputMaybe<Scalars['Paise']['input']>;
  /** Reserve the coupon for these users (at most 1,000); they alone may see and use it. */
  assignedUserIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Restrict to lines of these brands (at most 100). */
  brandIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Restrict to buyers with these roles. */
  buyerRoles?: InputMaybe<Array<BuyerRole>>;
  /** Restrict to lines in these categories or their sub-categories (at most 100). */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 3–32 characters of A–Z, 0–9, '_' and '-'; lower case is upper-cased. Unique (CONFLICT COUPON_CODE_TAKEN). */
  code: Scalars['String']['input'];
  /** What the coupon gives, 1–500 characters. */
  description: Scalars['String']['input'];
  /** End of validity (exclusive), after startsAt and in the future; default never. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** PERCENT only: cap on the discount in paise, at least 1. */
  maxDiscount?: InputMaybe<Scalars['Paise']['input']>;
  /** Order subtotal (before discounts) needed, in paise; default 0. */
  minOrderValue?: InputMaybe<Scalars['Paise']['input']>;
  /** Uses allowed per user (at least 1); default unlimited. */
  perUserLimit?: InputMaybe<Scalars['Int']['input']>;
  /** PERCENT only (required): 1–90. */
  percentOff?: InputMaybe<Scalars['Int']['input']>;
  /** Start of validity; default now. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** PERCENT or FLAT. */
  type: CouponType;
  /** Total uses allowed (at least 1); default unlimited. */
  usageLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of createCoupon. */
export type CreateCouponPayload = {
  __typename?: 'CreateCouponPayload';
  /** The new coupon. */
  coupon: Coupon;
};

/** A new automatic discount rule. */
export type CreateDiscountRuleInput = {
  /** Whether the rule is switched on; default true. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** CATEGORY_SALE (required): the category. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** What the rule gives, 1–500 characters. */
  description: Scalars['String']['input'];
  /** End of the window (exclusive), after startsAt; default: never ends. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** RETAILER_BULK (required): fewest units of one variant, 1–10,000. */
  minQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** Unique name: 3–64 characters of A–Z, 0–9, '_' and '-' (CONFLICT DISCOUNT_RULE_NAME_TAKEN). */
  name: Scalars['String']['input'];
  /** Percentage off, 1–90. */
  percent: Scalars['Int']['input'];
  /** Start of the window; default: applies at once. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The kind of rule. */
  type: DiscountRuleType;
};

/** Result of createDiscountRule. */
export type CreateDiscountRulePayload = {
  __typename?: 'CreateDiscountRulePayload';
  /** The new rule. */
  rule: DiscountRule;
};

/** A new product. */
export type CreateProductInput = {
  /** An existing brand. */
  brandId: Scalars['ID']['input'];
  /** An existing category. */
  categoryId: Scalars['ID']['input'];
  /** Description, at most 10,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** HSN code (4, 6 or 8 digits) with a known GST rate. */
  hsnCode: Scalars['String']['input'];
  /** URL slug ([a-z0-9-], at most 220); generated from the title when omitted (suffixed -2, -3… when taken). */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** The caller's store that sells the product. */
  storeId: Scalars['ID']['input'];
  /** Title, 1–200 characters. */
  title: Scalars['String']['input'];
};

/** Result of createProduct. */
export type CreateProductPayload = {
  __typename?: 'CreateProductPayload';
  /** The new product. */
  product: Product;
};

/** A new role. */
export type CreateRoleInput = {
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique, upper snake case, 2–50 characters (e.g. FINANCE). */
  name: Scalars['String']['input'];
  /** Permissions from adminPermissions; no duplicates. */
  permissions: Array<Scalars['String']['input']>;
};

/** A new store. */
export type CreateStoreInput = {
  /** Plain-text description, at most 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /**
   * GSTIN the store sells under. Omitted: the GSTIN of the owner's approved application. Either
   * way it must belong to the owner's business (its PAN, characters 3–12) and be registered in
   * the pickup address's state (its first two digits).
   */
  gstin?: InputMaybe<Scalars['String']['input']>;
  /** HTTPS URL of the logo, at most 2,048 characters. */
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** Display name, 2–80 characters, no control characters. */
  name: Scalars['String']['input'];
  /** Where couriers collect parcels. */
  pickupAddress: PickupAddressInput;
  /**
   * URL slug ([a-z0-9-], 2–60 characters); a slug already taken is CONFLICT (reason SLUG_TAKEN).
   * Omitted: generated from the name, suffixed -2, -3… when taken.
   */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** A new variant. */
export type CreateVariantInput = {
  /** Attribute values of the variant, at most one per attribute. */
  attributeValueIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Units in stock to start with, 0–1,000,000; sent to inventory (which owns stock) in variant.created. */
  initialStock?: InputMaybe<Scalars['Int']['input']>;
  /** Minimum retailer order quantity (at least 1). */
  minOrderQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** Maximum retail price in paise (> 0). */
  mrp: Scalars['Paise']['input'];
  /** Selling price in paise (> 0, at most the MRP). */
  price: Scalars['Paise']['input'];
  /** The product to add the variant to. */
  productId: Scalars['ID']['input'];
  /** Retailer price in paise (> 0, at most the selling price). */
  retailerPrice?: InputMaybe<Scalars['Paise']['input']>;
  /** Unique SKU: A–Z, 0–9 and '-', at most 64 characters. */
  sku: Scalars['String']['input'];
  /** Title, at most 200 characters; built from the attribute values when omitted. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of createVariant. */
export type CreateVariantPayload = {
  __typename?: 'CreateVariantPayload';
  /** The new variant. */
  variant: ProductVariant;
};

/** Result of deactivateCoupon. */
export type DeactivateCouponPayload = {
  __typename?: 'DeactivateCouponPayload';
  /** The coupon, now INACTIVE. */
  coupon: Coupon;
};

/** Result of deleteAddress. */
export type DeleteAddressPayload = {
  __typename?: 'DeleteAddressPayload';
  /** The id of the deleted address. */
  deletedAddressId: Scalars['ID']['output'];
  /** The user, whose addresses now show the promoted default if the default was deleted. */
  user: User;
};

/** Result of deleteBanner. */
export type DeleteBannerPayload = {
  __typename?: 'DeleteBannerPayload';
  /** The id of the deleted banner. */
  deletedBannerId: Scalars['ID']['output'];
};

/**
 * A discount applied automatically, without a code. Per line, the single best applicable rule
 * counts (rules do not add up); a coupon then applies to what remains.
 */
export type DiscountRule = {
  __typename?: 'DiscountRule';
  /** Whether the rule is switched on. */
  active: Scalars['Boolean']['output'];
  /** CATEGORY_SALE: the category (sub-categories included); null otherwise. */
  categoryId?: Maybe<Scalars['ID']['output']>;
  /** When the rule was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the rule gives, for shoppers. */
  description: Scalars['String']['output'];
  /** When the rule stops applying (exclusive); null when it does not end. */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** RETAILER_BULK: the fewest units of one variant a line needs; null otherwise. */
  minQuantity?: Maybe<Scalars['Int']['output']>;
  /** Unique name, upper-case, e.g. RETAILER_BULK_10. */
  name: Scalars['String']['output'];
  /** Percentage off the line (1–90). */
  percent: Scalars['Int']['output'];
  /** When the rule starts applying; null when it always has. */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
  /** The kind of rule. */
  type: DiscountRuleType;
  /** When the rule last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Kinds of automatic discount rule. */
export type DiscountRuleType =
  /** Everyone gets `percent` off lines in `categoryId` or its sub-categories, within the window. */
  | 'CATEGORY_SALE'
  /** RETAILER buyers get `percent` off a line of at least `minQuantity` units of one variant. */
  | 'RETAILER_BULK';

/**
 * One store's part of an order: its lines, which that store packs, ships and is paid for. Its status
 * is driven by the store's owner (or an admin); the order's status is derived from its fulfilments.
 */
export type Fulfilment = {
  __typename?: 'Fulfilment';
  /** What the buyer paid for these lines: the sum of their lineTotal (GST included, shipping excluded). */
  amount: Money;
  /** Why it was cancelled, when CANCELLED. */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** Courier name, once SHIPPED. */
  carrier?: Maybe<Scalars['String']['output']>;
  /** When it was delivered. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /**
   * The store's tax invoice for these lines (issued when the fulfilment ships) and its credit notes,
   * oldest first; empty before shipping. Visible to whoever may see the fulfilment.
   */
  invoices: Array<Invoice>;
  /** This store's lines of the order, in cart order (never another store's). */
  items: Array<OrderItem>;
  /** The order's id. */
  orderId: Scalars['ID']['output'];
  /** The order's number, e.g. PUR-2026-000042. */
  orderNumber: Scalars['String']['output'];
  /** How the buyer pays (the method only; never the order's payment or total). */
  paymentMethodType: PaymentMethodType;
  /** When the order was placed. */
  placedAt: Scalars['DateTime']['output'];
  /** When it was handed to the courier. */
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The delivery address as it was at checkout. */
  shippingAddress: OrderAddress;
  /** Where this part stands. */
  status: FulfilmentStatus;
  /** Every status it went through, oldest first. */
  statusHistory: Array<FulfilmentStatusChange>;
  /** The store fulfilling these lines. */
  store: Store;
  /** Courier tracking number, once SHIPPED. */
  trackingNumber?: Maybe<Scalars['String']['output']>;
  /** When this fulfilment last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of fulfilments (Relay connection). */
export type FulfilmentConnection = {
  __typename?: 'FulfilmentConnection';
  /** The fulfilments of this page with their cursors. */
  edges: Array<FulfilmentEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many fulfilments match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A fulfilment in a connection. */
export type FulfilmentEdge = {
  __typename?: 'FulfilmentEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The fulfilment. */
  node: Fulfilment;
};

/**
 * Where one store's part of an order stands. Illegal moves are refused with CONFLICT, reason
 * ILLEGAL_TRANSITION.
 */
export type FulfilmentStatus =
  /** Cancelled before shipping (by the store, the buyer, or with the whole order). */
  | 'CANCELLED'
  /** The order is confirmed: the store may pack it. */
  | 'CONFIRMED'
  /** Delivered to the buyer. */
  | 'DELIVERED'
  /** Packed by the store. */
  | 'PACKED'
  /** The order is not confirmed yet (waiting for its payment). */
  | 'PENDING'
  /** Every line was returned (set by returns). */
  | 'RETURNED'
  /** Handed to the courier. */
  | 'SHIPPED';

/** One step of a fulfilment's history. */
export type FulfilmentStatusChange = {
  __typename?: 'FulfilmentStatusChange';
  /** When it changed. */
  at: Scalars['DateTime']['output'];
  /** The status before; null for the first entry (the order was placed). */
  from?: Maybe<FulfilmentStatus>;
  /** Why, when known (cancellation reason, courier and tracking number). */
  note?: Maybe<Scalars['String']['output']>;
  /** The status after. */
  to: FulfilmentStatus;
};

/** The GST rate of an HSN code; a product's rate is that of the longest code prefixing its own. */
export type GstRate = {
  __typename?: 'GstRate';
  /** What the code covers. */
  description: Scalars['String']['output'];
  /** HSN code, 4, 6 or 8 digits, e.g. "8528". */
  hsnCode: Scalars['String']['output'];
  /** Rate in percent: one of 0, 0.25, 3, 5, 12, 18, 28. */
  ratePercent: Scalars['Float']['output'];
  /** When the rate last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Image file formats a media URL can have. */
export type ImageFormat =
  /** AVIF image. */
  | 'AVIF'
  /** JPEG image. */
  | 'JPEG'
  /** PNG image. */
  | 'PNG'
  /** WebP image. */
  | 'WEBP';

/** The 28 states and 8 union territories of India. */
export type IndianState =
  /** Andaman and Nicobar Islands (union territory) */
  | 'ANDAMAN_AND_NICOBAR_ISLANDS'
  /** Andhra Pradesh */
  | 'ANDHRA_PRADESH'
  /** Arunachal Pradesh */
  | 'ARUNACHAL_PRADESH'
  /** Assam */
  | 'ASSAM'
  /** Bihar */
  | 'BIHAR'
  /** Chandigarh (union territory) */
  | 'CHANDIGARH'
  /** Chhattisgarh */
  | 'CHHATTISGARH'
  /** Dadra and Nagar Haveli and Daman and Diu (union territory) */
  | 'DADRA_AND_NAGAR_HAVELI_AND_DAMAN_AND_DIU'
  /** Delhi (union territory) */
  | 'DELHI'
  /** Goa */
  | 'GOA'
  /** Gujarat */
  | 'GUJARAT'
  /** Haryana */
  | 'HARYANA'
  /** Himachal Pradesh */
  | 'HIMACHAL_PRADESH'
  /** Jammu and Kashmir (union territory) */
  | 'JAMMU_AND_KASHMIR'
  /** Jharkhand */
  | 'JHARKHAND'
  /** Karnataka */
  | 'KARNATAKA'
  /** Kerala */
  | 'KERALA'
  /** Ladakh (union territory) */
  | 'LADAKH'
  /** Lakshadweep (union territory) */
  | 'LAKSHADWEEP'
  /** Madhya Pradesh */
  | 'MADHYA_PRADESH'
  /** Maharashtra */
  | 'MAHARASHTRA'
  /** Manipur */
  | 'MANIPUR'
  /** Meghalaya */
  | 'MEGHALAYA'
  /** Mizoram */
  | 'MIZORAM'
  /** Nagaland */
  | 'NAGALAND'
  /** Odisha */
  | 'ODISHA'
  /** Puducherry (union territory) */
  | 'PUDUCHERRY'
  /** Punjab */
  | 'PUNJAB'
  /** Rajasthan */
  | 'RAJASTHAN'
  /** Sikkim */
  | 'SIKKIM'
  /** Tamil Nadu */
  | 'TAMIL_NADU'
  /** Telangana */
  | 'TELANGANA'
  /** Tripura */
  | 'TRIPURA'
  /** Uttarakhand */
  | 'UTTARAKHAND'
  /** Uttar Pradesh */
  | 'UTTAR_PRADESH'
  /** West Bengal */
  | 'WEST_BENGAL';

/**
 * A GST tax invoice a store issued for its lines of an order when they shipped, or a credit note
 * against one for a refund (docs/marketplace.md, "Tax invoices"). Immutable once issued; its totals
 * restate the order lines' figures to the paisa.
 */
export type Invoice = {
  __typename?: 'Invoice';
  /** The buyer: the delivery address snapshot of the order, with the GSTIN of a RETAILER buyer (B2B). */
  buyer: InvoiceParty;
  /** Central GST. */
  cgst: Money;
  /** Credit notes only: the number of the tax invoice credited; null for a tax invoice. */
  creditedInvoiceNumber?: Maybe<Scalars['String']['output']>;
  /** Indian financial year (April–March) of the issue date, e.g. 2026-27. */
  financialYear: Scalars['String']['output'];
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** Integrated GST. */
  igst: Money;
  /** True for a supply across states (IGST), false within a state (CGST + SGST). */
  interstate: Scalars['Boolean']['output'];
  /** When it was issued. */
  issuedAt: Scalars['DateTime']['output'];
  /** Tax invoice or credit note. */
  kind: InvoiceKind;
  /** The lines: each with its HSN code, quantity, taxable value and tax. */
  lines: Array<InvoiceLine>;
  /**
   * The number in the store's gap-free series for its kind and financial year, at most 16
   * characters: TH/26-27/000001 for invoices, THC/26-27/00001 for credit notes.
   */
  number: Scalars['String']['output'];
  /** The order invoiced. */
  order: Order;
  /**
   * A link to the PDF, signed and valid for 15 minutes: ask again for a fresh one. The PDF is drawn
   * on first request and kept in the file store.
   */
  pdfUrl: Scalars['String']['output'];
  /** Place of supply: the buyer's state (IndianState name). */
  placeOfSupply: Scalars['String']['output'];
  /** The seller as invoiced: the store's name, GSTIN and pickup address at the time. */
  seller: InvoiceParty;
  /** State GST. */
  sgst: Money;
  /** The store that issued it. */
  store: Store;
  /** Sum of the lines' taxable values. */
  taxableValue: Money;
  /** What the buyer paid (or, for a credit note, is credited): taxable value + GST. */
  total: Money;
  /** The total in words with Indian numbering, e.g. "Rupees One Lakh Twenty-Nine Thousand Nine Hundred Only". */
  totalInWords: Scalars['String']['output'];
};

/** An address on an invoice. */
export type InvoiceAddress = {
  __typename?: 'InvoiceAddress';
  /** City or town. */
  city: Scalars['String']['output'];
  /** Building, street (with the landmark, if any). */
  line1: Scalars['String']['output'];
  /** Area, locality; null when none. */
  line2?: Maybe<Scalars['String']['output']>;
  /** Six-digit PIN code. */
  pinCode: Scalars['String']['output'];
  /** State or union territory (IndianState name). */
  state: Scalars['String']['output'];
};

/** A page of invoices (Relay connection). */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The invoices of this page with their cursors. */
  edges: Array<InvoiceEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many documents match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An invoice in a connection. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The invoice. */
  node: Invoice;
};

/** Whether a document charges or credits the buyer. */
export type InvoiceKind =
  /** A credit note against a tax invoice (section 34), for a refund or a return. */
  | 'CREDIT_NOTE'
  /** A tax invoice (section 31 of the CGST Act). */
  | 'TAX_INVOICE';

/** One line of an invoice or credit note. */
export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  /** Central GST. */
  cgst: Money;
  /** Title and SKU at checkout. */
  description: Scalars['String']['output'];
  /** GST rate in percent. */
  gstRatePercent: Scalars['Float']['output'];
  /** HSN code of the product. */
  hsnCode: Scalars['String']['output'];
  /** Integrated GST. */
  igst: Money;
  /** The order line it states. */
  orderItemId: Scalars['ID']['output'];
  /** Units (for a credit note: the units returned, or all the line's units for a refund of an amount). */
  quantity: Scalars['Int']['output'];
  /** State GST. */
  sgst: Money;
  /** Value before GST. */
  taxableValue: Money;
  /** Taxable value + GST. */
  total: Money;
};

/** The seller or the buyer on an invoice. */
export type InvoiceParty = {
  __typename?: 'InvoiceParty';
  /** Address. */
  address: InvoiceAddress;
  /** GSTIN; null for a consumer. */
  gstin?: Maybe<Scalars['String']['output']>;
  /** Legal or trade name (the buyer: the recipient's name). */
  name: Scalars['String']['output'];
};

/** Email and password to sign in with. */
export type LoginInput = {
  /** The account's email (any case). */
  email: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** The session to end. */
export type LogoutInput = {
  /** The session's current refresh token. */
  refreshToken: Scalars['String']['input'];
};

/** Result of logout. */
export type LogoutPayload = {
  __typename?: 'LogoutPayload';
  /** Always true: logging out an unknown or ended session is not an error. */
  loggedOut: Scalars['Boolean']['output'];
};

/** The store's receipt of a return. */
export type MarkReturnReceivedInput = {
  /** Every item of the return, once each. */
  items: Array<ReturnReceiptInput>;
  /** The return. */
  returnId: Scalars['ID']['input'];
};

/** One rendition of an image. */
export type MediaUrl = {
  __typename?: 'MediaUrl';
  /** File format. */
  format: ImageFormat;
  /** https URL of the file. */
  url: Scalars['String']['output'];
  /** Width in pixels. */
  width: Scalars['Int']['output'];
};

/** One rendition of an uploaded image. */
export type MediaUrlInput = {
  /** File format. */
  format: ImageFormat;
  /** https URL, at most 2,048 characters. */
  url: Scalars['String']['input'];
  /** Width in pixels, 1–10,000. */
  width: Scalars['Int']['input'];
};

/** An amount of money in Indian rupees, stored as integer paise. */
export type Money = {
  __typename?: 'Money';
  /** ISO 4217 currency code; always INR. */
  currency: Scalars['String']['output'];
  /** The amount formatted for display with Indian digit grouping, e.g. ₹1,29,900.00. */
  formatted: Scalars['String']['output'];
  /** The amount in paise (1 rupee = 100 paise). */
  paise: Scalars['Paise']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a delivery address (at most 20); the first one becomes the default. */
  addAddress: Address;
  /** Adds a value such as "Black" to an attribute. */
  addAttributeValue: AddAttributeValuePayload;
  /** Adds an image (in several sizes and formats) to a product. */
  addProductMedia: AddProductMediaPayload;
  /**
   * Puts `quantity` units of a variant in the cart, adding to its line if there is one. The variant
   * must exist and be ACTIVE (else BAD_USER_INPUT, field variantId). The resulting line quantity
   * must be positive and, for shoppers, at most 10; retailers buy at least the variant's minimum
   * order quantity and at most 10,000 (else BAD_USER_INPUT, field quantity, reason BELOW_MOQ or
   * ABOVE_LIMIT). A cart holds at most 50 lines (CONFLICT, reason CART_LINE_LIMIT_REACHED).
   */
  addToCart: Cart;
  /** Saves a variant (which must exist and be ACTIVE) in the wishlist; saving it again changes nothing. At most 100. */
  addToWishlist: Wishlist;
  /** Adds an image (in several sizes and formats) to a variant. */
  addVariantMedia: AddVariantMediaPayload;
  /**
   * Signs an admin in: a new session (12 h) and a 15-minute access token (issuer purra-admin) whose
   * scopes are the permissions of the admin's roles now. Wrong email or password: UNAUTHENTICATED;
   * a deactivated admin: FORBIDDEN. Limited to 10 attempts a minute per email and 30 per IP.
   * There is no refresh: sign in again when the token expires.
   */
  adminLogin: AdminAuthPayload;
  /** Ends the caller's session: its tokens stop working in every subgraph within ~20 s. */
  adminLogout: AdminLogoutPayload;
  /**
   * Applies a coupon after checking it against the cart with the promotions engine. A refused
   * coupon is BAD_USER_INPUT (field code, reason the rejection reason), or CONFLICT for
   * LIMIT_REACHED and USER_LIMIT_REACHED. An empty cart is CONFLICT (reason CART_EMPTY).
   */
  applyCoupon: Cart;
  /** Applies to become a store owner; one application per user. */
  applyForOwner: Owner;
  /**
   * Admins (`users:approve`): approves a PENDING owner application; the applicant becomes an OWNER
   * (their next access token says so). Publishes owner.approved. Not PENDING: CONFLICT.
   */
  approveOwnerApplication: Owner;
  /** REQUESTED → APPROVED. The owner of the return's store, or scope orders:update (audited). */
  approveReturn: Return;
  /** Publishes a PENDING review (anything else is CONFLICT). Needs `reviews:moderate`; audited. */
  approveReview: ProductReview;
  /** Admin: approves a PENDING store (ACTIVE); any other status is CONFLICT. Publishes store.status_changed. */
  approveStore: Store;
  /** Archives a product: it disappears from listings but still resolves for orders and carts. */
  archiveProduct: ArchiveProductPayload;
  /**
   * Admins (`users:ban`): bans a user with a reason (3–500 characters). The user can no longer sign
   * in or refresh (FORBIDDEN, reason BANNED), every session ends, and every subgraph refuses their
   * access tokens within about 20 seconds. Publishes user.banned. Already banned: CONFLICT.
   */
  banUser: User;
  /**
   * Cancels one store's fulfilment before it ships (CONFIRMED or PACKED): that store's stock is released
   * and, for a prepaid order, its lines are refunded (the shipping fee with the last active fulfilment);
   * for COD it is no longer collected. `reason`: 3–500 characters. Same callers as markFulfilmentPacked.
   */
  cancelFulfilment: Fulfilment;
  /**
   * Cancels a whole order that has not shipped yet (PENDING_PAYMENT, PAID, CONFIRMED or PACKED, every
   * fulfilment with it). The buyer, scope orders:update, or the owner of the store of a single-store
   * order (a store of a multi-store order cancels its own part with cancelFulfilment: CONFLICT, reason
   * MULTI_STORE_ORDER). `reason`: 3–500 characters. A paid order is refunded in full by payments.
   */
  cancelOrder: Order;
  /**
   * Places an order for everything in the caller's cart: prices it (promotions), reserves the stock
   * (inventory) and the coupon, then records the order in PENDING_PAYMENT (COD: CONFIRMED) and
   * publishes order.placed. Repeating a call with the same idempotencyKey returns the same order.
   * On any failure nothing is kept: no order, no stock reservation, no coupon hold.
   */
  checkout: CheckoutPayload;
  /** Removes every line and the coupon. */
  clearCart: Cart;
  /** Creates an admin account with roles; publishes admin.created. */
  createAdmin: AdminUser;
  /** Creates a variant attribute such as "Colour" (shared by every store). */
  createAttribute: CreateAttributePayload;
  /** Creates a banner. Needs `banners:write`; audited (`banner.create`). */
  createBanner: CreateBannerPayload;
  /** Admins (`catalog:write`): adds a brand. Duplicate slug: CONFLICT (reason SLUG_TAKEN). */
  createBrand: CreateBrandPayload;
  /** Admins (`catalog:write`): adds a category to the tree. Duplicate slug: CONFLICT (reason SLUG_TAKEN). */
  createCategory: CreateCategoryPayload;
  /** Creates a coupon (admins with promotions:write). Publishes coupon.created. */
  createCoupon: CreateCouponPayload;
  /** Creates an automatic discount rule. Publishes discount_rule.changed. */
  createDiscountRule: CreateDiscountRulePayload;
  /** Lists a new DRAFT product in one of the caller's stores; add variants, then set it ACTIVE. */
  createProduct: CreateProductPayload;
  /** Creates a role granting permissions. */
  createRole: AdminRole;
  /**
   * Opens a store, PENDING until Purra approves it. Needs the OWNER role and an approved owner
   * application (FORBIDDEN, reason OWNER_NOT_APPROVED, otherwise); at most 20 stores per owner
   * (CONFLICT, reason STORE_LIMIT_REACHED). Publishes store.created.
   */
  createStore: Store;
  /** Adds a purchasable variant (a SKU) to a product of one of the caller's stores. */
  createVariant: CreateVariantPayload;
  /**
   * Switches a coupon off: it stops applying to quotes and holds at once; holds already taken are
   * still redeemed when their orders are confirmed. Publishes coupon.updated.
   */
  deactivateCoupon: DeactivateCouponPayload;
  /** Deletes one of the caller's addresses; deleting the default promotes the oldest remaining one. */
  deleteAddress: DeleteAddressPayload;
  /** Deletes a banner for good. Needs `banners:write`; audited (`banner.delete`). */
  deleteBanner: DeleteBannerPayload;
  /** Deletes the caller's own review (another user's is NOT_FOUND); true when deleted. */
  deleteMyReview: Scalars['Boolean']['output'];
  /** Signs in. Wrong email or password: UNAUTHENTICATED; too many attempts: RATE_LIMITED. */
  login: AuthPayload;
  /** Ends the session the refresh token belongs to. */
  logout: LogoutPayload;
  /** Fulfilment SHIPPED → DELIVERED. Same callers as markFulfilmentPacked. */
  markFulfilmentDelivered: Fulfilment;
  /**
   * Fulfilment CONFIRMED → PACKED. Only the owner of the fulfilment's store, or scope orders:update
   * (FORBIDDEN for anyone else, the buyer included; NOT_FOUND for an unknown id).
   */
  markFulfilmentPacked: Fulfilment;
  /**
   * Fulfilment PACKED → SHIPPED with the courier's tracking number (1–64 of A–Z, 0–9, '-', '/', any
   * case, stored upper-case) and carrier name (1–64 characters). Same callers as markFulfilmentPacked.
   */
  markFulfilmentShipped: Fulfilment;
  /** Marks one of the caller's in-app notifications read. NOT_FOUND unless it is the caller's own. */
  markNotificationRead: Notification;
  /**
   * SHIPPED → DELIVERED for a single-store order. Same callers as markOrderPacked.
   * @deprecated Use markFulfilmentDelivered; refused (MULTI_STORE_ORDER) on multi-store orders.
   */
  markOrderDelivered: Order;
  /**
   * CONFIRMED → PACKED for a single-store order (its one fulfilment). For the owner of its store, or
   * scope orders:update. A multi-store order: CONFLICT, reason MULTI_STORE_ORDER.
   * @deprecated Use markFulfilmentPacked; refused (MULTI_STORE_ORDER) on multi-store orders.
   */
  markOrderPacked: Order;
  /**
   * PACKED → SHIPPED with the courier's tracking number (1–64 of A–Z, 0–9, '-', '/') and carrier
   * name (1–64 characters), for a single-store order. Same callers as markOrderPacked.
   * @deprecated Use markFulfilmentShipped; refused (MULTI_STORE_ORDER) on multi-store orders.
   */
  markOrderShipped: Order;
  /**
   * APPROVED → RECEIVED: the store has the items back. Name every item of the return once with whether
   * it can be sold again (inventory restocks those). Payments then refunds the return (a cash-on-delivery
   * order to the bank account or VPA given) and the return becomes REFUNDED. Same callers as approveReturn.
   */
  markReturnReceived: Return;
  /**
   * Moves a variant from the wishlist into the cart (as addToCart with `quantity`), in one step:
   * when the cart refuses it, it stays in the wishlist. NOT_FOUND if it is not in the wishlist.
   */
  moveWishlistItemToCart: Cart;
  /** Admin: reactivates a SUSPENDED store (ACTIVE); any other status is CONFLICT. Publishes store.status_changed. */
  reactivateStore: Store;
  /**
   * Exchanges a refresh token for new tokens; the old one is used up. Presenting a
   * used token again ends the whole session (UNAUTHENTICATED, reason REFRESH_TOKEN_REUSED).
   */
  refreshToken: AuthPayload;
  /**
   * Refunds part or all of a CAPTURED payment through its provider and publishes
   * payment.refunded (`full` once everything captured has been refunded). For the owner of a
   * store in the order (role OWNER) or an admin holding `payments:refund`. The amount must be
   * 1..(captured − already refunded or being refunded): BAD_USER_INPUT otherwise; a payment
   * that is not CAPTURED: CONFLICT. Concurrent refunds of one payment never exceed what was
   * captured.
   */
  refundPayment: Refund;
  /** Creates an account and signs it in. Publishes user.registered. */
  register: AuthPayload;
  /**
   * Admins (`users:approve`): rejects a PENDING owner application with a reason shown to the
   * applicant (1–500 characters). Publishes owner.rejected. Not PENDING: CONFLICT.
   */
  rejectOwnerApplication: Owner;
  /** REQUESTED → REJECTED with the store's `reason` (3–500 characters). Same callers as approveReturn. */
  rejectReturn: Return;
  /**
   * Refuses a PENDING review, or takes down an APPROVED one, with a reason of 3–500 characters
   * shown to the author (an already REJECTED review is CONFLICT). Needs `reviews:moderate`; audited.
   */
  rejectReview: ProductReview;
  /** Removes a line. Another user's line is NOT_FOUND. */
  removeCartItem: Cart;
  /** Removes the cart's coupon, if any. */
  removeCoupon: Cart;
  /** Removes a variant from the wishlist; NOT_FOUND if it is not there. */
  removeFromWishlist: Wishlist;
  /**
   * Asks to return delivered lines of one fulfilment of the caller's order, within each line's return
   * window (its nearest category's, see returnWindows) and up to the units bought minus those in other
   * returns still open or done. REQUESTED; the refund is each line's lineTotal × returned units /
   * units bought, split to the paisa so that returning everything refunds exactly lineTotal. Only the
   * order's buyer (FORBIDDEN otherwise). Publishes order.return_changed.
   */
  requestReturn: Return;
  /**
   * Adds `quantity` (1–1,000,000) units to the variant's stock on hand. Only the owner of the
   * variant's store or an admin (inventory:write); NOT_FOUND for an unknown variant.
   */
  restock: StockLevel;
  /**
   * Revokes a session: the caller's own, or (with admins:manage) another admin's. Its tokens stop
   * working in every subgraph within ~20 s. Revoking a revoked session changes nothing.
   */
  revokeAdminSession: AdminSession;
  /**
   * Admins (`settlements:manage`, audited): runs the weekly settlement now (or finishes one that was
   * interrupted): every store with payable, unsettled ledger entries gets one payout, written in the
   * transaction that settles its entries, so no entry is ever paid twice.
   */
  runSettlement: SettlementRun;
  /**
   * Queues an announcement to every shopper on the given channels (admins with notifications:send;
   * audited). A worker fans it out in batches of 500; the job shows its progress.
   */
  sendBulkNotification: BulkNotificationJob;
  /**
   * Admins (`settlements:manage`, audited): sets the marketplace commission of a catalogue
   * category, applied to deliveries entered in the ledger from now on. A line pays the rate of the
   * first of its categories (nearest first) that has one. Unknown category, or a percent outside
   * 0–100 or with more than two decimals: BAD_USER_INPUT (field `categoryId` / `percent`).
   */
  setCommissionRate: CommissionRate;
  /** Makes one of the caller's addresses the default. */
  setDefaultAddress: Address;
  /**
   * Sets the GST rate of an HSN code (adding the code when new); admins with `catalog:write` only.
   * Products whose HSN code starts with it show the new rate unless a longer code has its own.
   */
  setGstRate: GstRate;
  /**
   * The language the caller's messages are written in (default English). Takes effect for messages
   * queued from now on.
   */
  setNotificationLanguage: NotificationLanguage;
  /**
   * Gives a category its own return window in days after delivery (0–365), or with `days: null` removes
   * it so the default applies. Admins with orders:update (audited). Returns the windows after the change.
   */
  setReturnWindow: ReturnWindows;
  /**
   * Sets the low-stock threshold (0–1,000,000; 0 turns the alert off): `stock.low` is published once
   * each time the available count falls to the threshold or below. Same callers as restock.
   */
  setStockAlert: StockLevel;
  /**
   * Reviews a product the caller bought and received (FORBIDDEN, reason NOT_A_VERIFIED_BUYER,
   * otherwise). One review per product and user: a second is CONFLICT (reason ALREADY_REVIEWED).
   * The review is PENDING until a moderator approves it.
   */
  submitReview: ProductReview;
  /**
   * Admin: suspends a PENDING or ACTIVE store with a reason (1–500 characters); a suspended store
   * is CONFLICT. Publishes store.status_changed.
   */
  suspendStore: Store;
  /**
   * Admins (`users:ban`): lifts a ban; the user signs in again. Publishes user.unbanned. Not
   * banned: CONFLICT.
   */
  unbanUser: User;
  /** Replaces the fields of one of the caller's addresses. */
  updateAddress: Address;
  /**
   * Changes an admin's name, roles or active flag. Deactivating revokes all their sessions. No change
   * may leave the platform without an active admin holding admins:manage (CONFLICT).
   */
  updateAdmin: AdminUser;
  /**
   * Changes a banner; omitted fields stay as they are, an explicit null clears `subtitle` or
   * `categoryId`. The result must still be a valid banner. Needs `banners:write`; audited (`banner.update`).
   */
  updateBanner: UpdateBannerPayload;
  /** Admins (`catalog:write`): changes a brand; omitted fields stay, `logoUrl: null` removes the logo. */
  updateBrand: UpdateBrandPayload;
  /** Sets a line's quantity (same rules as addToCart); 0 removes the line. Another user's line is NOT_FOUND. */
  updateCartItem: Cart;
  /**
   * Admins (`catalog:write`): renames, re-slugs, moves or re-orders a category; omitted fields stay.
   * Moving a category under itself or one of its descendants is BAD_USER_INPUT (field parentId).
   */
  updateCategory: UpdateCategoryPayload;
  /**
   * Changes a coupon; omitted fields stay as they are. The code and the type cannot change.
   * Publishes coupon.updated when something changed.
   */
  updateCoupon: UpdateCouponPayload;
  /**
   * Changes an automatic discount rule; omitted fields stay as they are, the type cannot change.
   * Publishes discount_rule.changed when something changed.
   */
  updateDiscountRule: UpdateDiscountRulePayload;
  /**
   * Replaces a template's subject and body (admins with notifications:send; audited). Both are parsed and
   * rendered with a sample of the event's data first: a template that fails is refused with BAD_USER_INPUT
   * (field `subject` or `body`, the template error as message) and nothing is saved.
   */
  updateNotificationTemplate: NotificationTemplate;
  /** Changes a product of one of the caller's stores; omitted fields stay as they are. */
  updateProduct: UpdateProductPayload;
  /** Changes the signed-in user's name or phone. Publishes user.updated. */
  updateProfile: User;
  /**
   * Replaces the content of the caller's own review (another user's is NOT_FOUND). An edited
   * APPROVED or REJECTED review goes back to PENDING (and leaves the product's rating until approved again).
   */
  updateReview: ProductReview;
  /**
   * Changes a role. New permissions reach its admins' tokens at their next sign-in. Removing
   * admins:manage from the last role that gives it to an active admin is a CONFLICT.
   */
  updateRole: AdminRole;
  /** Changes one of the caller's stores (another user's store: FORBIDDEN). Publishes store.updated. */
  updateStore: Store;
  /** Changes a variant's title, prices or minimum order quantity; omitted fields stay as they are. */
  updateVariant: UpdateVariantPayload;
};


export type MutationAddAddressArgs = {
  input: AddressInput;
};


export type MutationAddAttributeValueArgs = {
  input: AddAttributeValueInput;
};


export type MutationAddProductMediaArgs = {
  input: AddProductMediaInput;
};


export type MutationAddToCartArgs = {
  quantity?: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationAddToWishlistArgs = {
  variantId: Scalars['ID']['input'];
};


export type MutationAddVariantMediaArgs = {
  input: AddVariantMediaInput;
};


export type MutationAdminLoginArgs = {
  input: AdminLoginInput;
};


export type MutationApplyCouponArgs = {
  code: Scalars['String']['input'];
};


export type MutationApplyForOwnerArgs = {
  input: ApplyForOwnerInput;
};


export type MutationApproveOwnerApplicationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveReturnArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveReviewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveStoreArgs = {
  id: Scalars['ID']['input'];
};


export type MutationArchiveProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationBanUserArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCancelFulfilmentArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCheckoutArgs = {
  input: CheckoutInput;
};


export type MutationCreateAdminArgs = {
  input: CreateAdminInput;
};


export type MutationCreateAttributeArgs = {
  input: CreateAttributeInput;
};


export type MutationCreateBannerArgs = {
  input: CreateBannerInput;
};


export type MutationCreateBrandArgs = {
  input: CreateBrandInput;
};


export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};


export type MutationCreateCouponArgs = {
  input: CreateCouponInput;
};


export type MutationCreateDiscountRuleArgs = {
  input: CreateDiscountRuleInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationCreateRoleArgs = {
  input: CreateRoleInput;
};


export type MutationCreateStoreArgs = {
  input: CreateStoreInput;
};


export type MutationCreateVariantArgs = {
  input: CreateVariantInput;
};


export type MutationDeactivateCouponArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteBannerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteMyReviewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLogoutArgs = {
  input: LogoutInput;
};


export type MutationMarkFulfilmentDeliveredArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkFulfilmentPackedArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkFulfilmentShippedArgs = {
  carrier: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  trackingNumber: Scalars['String']['input'];
};


export type MutationMarkNotificationReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkOrderDeliveredArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkOrderPackedArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkOrderShippedArgs = {
  carrier: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  trackingNumber: Scalars['String']['input'];
};


export type MutationMarkReturnReceivedArgs = {
  input: MarkReturnReceivedInput;
};


export type MutationMoveWishlistItemToCartArgs = {
  quantity?: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationReactivateStoreArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRefreshTokenArgs = {
  input: RefreshTokenInput;
};


export type MutationRefundPaymentArgs = {
  input: RefundPaymentInput;
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRejectOwnerApplicationArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRejectReturnArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRejectReviewArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveCartItemArgs = {
  itemId: Scalars['ID']['input'];
};


export type MutationRemoveFromWishlistArgs = {
  variantId: Scalars['ID']['input'];
};


export type MutationRequestReturnArgs = {
  input: RequestReturnInput;
};


export type MutationRestockArgs = {
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationRevokeAdminSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendBulkNotificationArgs = {
  input: SendBulkNotificationInput;
};


export type MutationSetCommissionRateArgs = {
  categoryId: Scalars['ID']['input'];
  percent: Scalars['Float']['input'];
};


export type MutationSetDefaultAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetGstRateArgs = {
  hsnCode: Scalars['String']['input'];
  ratePercent: Scalars['Float']['input'];
};


export type MutationSetNotificationLanguageArgs = {
  language: NotificationLanguage;
};


export type MutationSetReturnWindowArgs = {
  categoryId: Scalars['ID']['input'];
  days?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationSetStockAlertArgs = {
  threshold: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationSubmitReviewArgs = {
  input: SubmitReviewInput;
};


export type MutationSuspendStoreArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUnbanUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAddressArgs = {
  id: Scalars['ID']['input'];
  input: AddressInput;
};


export type MutationUpdateAdminArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAdminInput;
};


export type MutationUpdateBannerArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBannerInput;
};


export type MutationUpdateBrandArgs = {
  id: Scalars['ID']['input'];
  input: UpdateBrandInput;
};


export type MutationUpdateCartItemArgs = {
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


export type MutationUpdateCategoryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCategoryInput;
};


export type MutationUpdateCouponArgs = {
  input: UpdateCouponInput;
};


export type MutationUpdateDiscountRuleArgs = {
  input: UpdateDiscountRuleInput;
};


export type MutationUpdateNotificationTemplateArgs = {
  input: UpdateNotificationTemplateInput;
};


export type MutationUpdateProductArgs = {
  input: UpdateProductInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};


export type MutationUpdateReviewArgs = {
  id: Scalars['ID']['input'];
  input: UpdateReviewInput;
};


export type MutationUpdateRoleArgs = {
  id: Scalars['ID']['input'];
  input: UpdateRoleInput;
};


export type MutationUpdateStoreArgs = {
  id: Scalars['ID']['input'];
  input: UpdateStoreInput;
};


export type MutationUpdateVariantArgs = {
  input: UpdateVariantInput;
};

/** A message to one user on one channel. */
export type Notification = {
  __typename?: 'Notification';
  /** The rendered body (HTML for email, plain text otherwise); empty until rendered. */
  body: Scalars['String']['output'];
  /** The channel it goes through. */
  channel: NotificationChannel;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The event (template) it was written from. */
  event: NotificationEvent;
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** When the user marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was sent; null until then. */
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** Delivery status. */
  status: NotificationStatus;
  /** The rendered title (email subject); empty until rendered. */
  title: Scalars['String']['output'];
};

/** How a message reaches its recipient. */
export type NotificationChannel =
  /** An email through SMTP. */
  | 'EMAIL'
  /** Shown in the app (myNotifications). */
  | 'IN_APP'
  /** A text message to the recipient's mobile number (only when SMS is configured). */
  | 'SMS';

/** A page of notifications. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications of this page with their cursors. */
  edges: Array<NotificationEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** A notification in a connection. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** What a template is for: the event that triggers the message. */
export type NotificationEvent =
  /** An announcement from sendBulkNotification. */
  | 'BULK_ANNOUNCEMENT'
  /**
   * `order.fulfilment_changed` to SHIPPED, for each store's shipment of an order of several stores
   * ("your <title> has shipped"; fields Title, Carrier, TrackingNumber besides the order's).
   */
  | 'FULFILMENT_SHIPPED'
  /** `order.status_changed` to CANCELLED. */
  | 'ORDER_CANCELLED'
  /** `order.status_changed` to DELIVERED. */
  | 'ORDER_DELIVERED'
  /** `order.status_changed` to PAID. */
  | 'ORDER_PAID'
  /** `order.placed`. */
  | 'ORDER_PLACED'
  /** `order.status_changed` to SHIPPED, for an order of one store. */
  | 'ORDER_SHIPPED'
  /** `payment.refunded`. */
  | 'PAYMENT_REFUNDED'
  /** `stock.low`, sent to admins. */
  | 'STOCK_LOW'
  /** Welcome after `user.registered`. */
  | 'USER_REGISTERED';

/** The languages messages are written in. */
export type NotificationLanguage =
  /** English (the default). */
  | 'EN'
  /** Hindi. */
  | 'HI';

/** Where a message is in its delivery. */
export type NotificationStatus =
  /** Given up after the maximum number of attempts. */
  | 'FAILED'
  /** Waiting to be sent (or to be retried). */
  | 'QUEUED'
  /** Delivered to the channel (in-app messages are sent by being stored). */
  | 'SENT';

/**
 * The text of one kind of message on one channel in one language. Subject and body are Go templates
 * (`{{.Name}}`, `{{.OrderNumber}}`…): html/template for EMAIL bodies, text/template otherwise.
 */
export type NotificationTemplate = {
  __typename?: 'NotificationTemplate';
  /** The body template. */
  body: Scalars['String']['output'];
  /** The channel it is for. */
  channel: NotificationChannel;
  /** The event it is for. */
  event: NotificationEvent;
  /** The fields the templates may use, e.g. ["Name", "OrderNumber"]. */
  fields: Array<Scalars['String']['output']>;
  /** The language it is written in. */
  language: NotificationLanguage;
  /** The subject (email) or title (in-app) template; empty for SMS. */
  subject: Scalars['String']['output'];
  /** When it was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * A placed order: snapshots of what was bought, at which prices, delivered where. Owned by the
 * orders subgraph; payments adds its payments.
 */
export type Order = {
  __typename?: 'Order';
  /** Automatic discounts (e.g. bulk rules). */
  automaticDiscount: Money;
  /** Who placed the order. */
  buyer: User;
  /** Why the order was cancelled, when CANCELLED. */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** Courier name, once SHIPPED. */
  carrier?: Maybe<Scalars['String']['output']>;
  /** The coupon used, upper-case; null when none. */
  couponCode?: Maybe<Scalars['String']['output']>;
  /** The coupon's discount. */
  couponDiscount: Money;
  /**
   * The order's fulfilments, one per store, by store id. The buyer and admins see all of them (the
   * owner of a single-store order sees its one).
   */
  fulfilments: Array<Fulfilment>;
  /** GST included in the total, split by place of supply. */
  gst: OrderTax;
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /**
   * The GST tax invoices of the order (one per store, issued when its fulfilment ships) and their
   * credit notes (one per refund of invoiced lines), oldest first. The buyer and admins (scope
   * orders:update) see all of them; a store owner sees their store's only.
   */
  invoices: Array<Invoice>;
  /** The lines bought, in cart order, with the prices at checkout. */
  items: Array<OrderItem>;
  /** Human order number, PUR-<year>-<6-digit sequence>, e.g. PUR-2025-000042. */
  orderNumber: Scalars['String']['output'];
  /** Until when stock and coupon are held for payment; null once the order is past PENDING_PAYMENT. */
  paymentDueBy?: Maybe<Scalars['DateTime']['output']>;
  /** How the buyer pays. */
  paymentMethod: OrderPaymentMethod;
  /**
   * The order's payment attempts, oldest first. Visible to the buyer, to the owners of the
   * stores in the order and to admins holding `payments:read` or `payments:refund`; an empty list
   * for everybody else.
   */
  payments: Array<Payment>;
  /** When the order was placed. */
  placedAt: Scalars['DateTime']['output'];
  /**
   * The order's returns, oldest first: all of them for the buyer and admins, only their own stores'
   * for a store owner.
   */
  returns: Array<Return>;
  /** Shipping fee (zero above the free-shipping threshold). */
  shipping: Money;
  /** The delivery address as it was at checkout. */
  shippingAddress: OrderAddress;
  /** Where the order stands. */
  status: OrderStatus;
  /** Every status the order went through, oldest first. */
  statusHistory: Array<OrderStatusChange>;
  /** Sum of the lines before discounts (GST included). */
  subtotal: Money;
  /** What the buyer pays: subtotal − discounts + shipping. */
  total: Money;
  /** Courier tracking number, once SHIPPED. */
  trackingNumber?: Maybe<Scalars['String']['output']>;
  /** When the order last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A delivery address as it was when the order was placed. */
export type OrderAddress = {
  __typename?: 'OrderAddress';
  /** City or town. */
  city: Scalars['String']['output'];
  /** A landmark that helps the courier. */
  landmark?: Maybe<Scalars['String']['output']>;
  /** House, building, street. */
  line1: Scalars['String']['output'];
  /** Area, locality. */
  line2?: Maybe<Scalars['String']['output']>;
  /** Recipient's name. */
  name: Scalars['String']['output'];
  /** Recipient's mobile number, +91XXXXXXXXXX. */
  phone: Scalars['String']['output'];
  /** Six-digit PIN code. */
  pinCode: Scalars['String']['output'];
  /** State or union territory (IndianState name, e.g. KARNATAKA). */
  state: Scalars['String']['output'];
};

/** A page of orders (Relay connection). */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders of this page with their cursors. */
  edges: Array<OrderEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many orders match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An order in a connection. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** One line of an order, frozen at checkout. */
export type OrderItem = {
  __typename?: 'OrderItem';
  /** Discount on this line (automatic rules and its share of the coupon). */
  discount: Money;
  /** GST included in lineTotal. */
  gst: Money;
  /** GST rate of the line, in percent. */
  gstRatePercent: Scalars['Float']['output'];
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** unitPrice × quantity. */
  lineSubtotal: Money;
  /** What the line costs after discounts (GST included). */
  lineTotal: Money;
  /** Units bought. */
  quantity: Scalars['Int']['output'];
  /** SKU at checkout. */
  sku: Scalars['String']['output'];
  /** The store that sells it. */
  store: Store;
  /** Title at checkout. */
  title: Scalars['String']['output'];
  /** Unit price at checkout (GST included). */
  unitPrice: Money;
  /** The variant bought (catalog resolves its current details). */
  variant: ProductVariant;
};

/** How an order is paid. */
export type OrderPaymentMethod = {
  __typename?: 'OrderPaymentMethod';
  /** The method. */
  type: PaymentMethodType;
  /** The buyer's UPI VPA, when given. */
  upiVpa?: Maybe<Scalars['String']['output']>;
};

/** Where an order stands. Illegal moves are refused with CONFLICT, reason ILLEGAL_TRANSITION. */
export type OrderStatus =
  /** Cancelled before shipping (by the buyer, the store, a failed payment or an unpaid reservation). */
  | 'CANCELLED'
  /** Accepted: stock is committed. Cash-on-delivery orders start here. */
  | 'CONFIRMED'
  /** Delivered to the buyer. */
  | 'DELIVERED'
  /** Packed by the store. */
  | 'PACKED'
  /** The payment was captured; confirmed straight after. */
  | 'PAID'
  /** Some stores' fulfilments shipped (or were delivered), others not yet (docs/marketplace.md). */
  | 'PARTIALLY_SHIPPED'
  /** Placed; waiting for the payment (stock and coupon are held until the reservation expires). */
  | 'PENDING_PAYMENT'
  /** Refunded in full after payment. */
  | 'REFUNDED'
  /** Every active fulfilment was returned. */
  | 'RETURNED'
  /** Handed to the courier. */
  | 'SHIPPED';

/** One step of an order's history. */
export type OrderStatusChange = {
  __typename?: 'OrderStatusChange';
  /** When it changed. */
  at: Scalars['DateTime']['output'];
  /** The status before; null for the first entry (the order was placed). */
  from?: Maybe<OrderStatus>;
  /** Why, when known (cancellation reason, payment failure). */
  note?: Maybe<Scalars['String']['output']>;
  /** The status after. */
  to: OrderStatus;
};

/** A status change pushed to orderStatusChanged subscribers. */
export type OrderStatusUpdate = {
  __typename?: 'OrderStatusUpdate';
  /** When it changed. */
  at: Scalars['DateTime']['output'];
  /**
   * The fulfilment that moved, for a store's change (status and previousStatus are then the order's
   * status after the move); null for an order-level change.
   */
  fulfilment?: Maybe<Fulfilment>;
  /** The order as it is now. */
  order: Order;
  /** The order's id. */
  orderId: Scalars['ID']['output'];
  /** The order's number. */
  orderNumber: Scalars['String']['output'];
  /** The status before. */
  previousStatus: OrderStatus;
  /** The new status. */
  status: OrderStatus;
};

/** GST included in an order: CGST + SGST within the store's state, IGST across states. */
export type OrderTax = {
  __typename?: 'OrderTax';
  /** Central GST. */
  cgst: Money;
  /** Integrated GST. */
  igst: Money;
  /** State GST. */
  sgst: Money;
  /** All GST. */
  total: Money;
};

/** A user's application to sell on Purra as a store owner (the vendor profile). */
export type Owner = {
  __typename?: 'Owner';
  /** Registered business name. */
  businessName: Scalars['String']['output'];
  /** When the application was made. */
  createdAt: Scalars['DateTime']['output'];
  /** GST identification number of the business (15 characters). */
  gstin: Scalars['String']['output'];
  /** Stable id (UUID v7). */
  id: Scalars['ID']['output'];
  /** PAN of the business; equals characters 3–12 of the GSTIN. */
  pan: Scalars['String']['output'];
  /** Why the application was rejected; null unless REJECTED. */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** When it was approved or rejected; null while pending. */
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Review status. */
  status: OwnerStatus;
  /** The applicant. */
  user: User;
};

/** A page of owner applications (Relay connection). */
export type OwnerConnection = {
  __typename?: 'OwnerConnection';
  /** The applications of this page with their cursors. */
  edges: Array<OwnerEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many applications match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An owner application in a connection. */
export type OwnerEdge = {
  __typename?: 'OwnerEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The application. */
  node: Owner;
};

/** Where an owner application stands. */
export type OwnerStatus =
  /** Approved: the user's role is OWNER. */
  | 'APPROVED'
  /** Waiting for review by Purra. */
  | 'PENDING'
  /** Refused by Purra. */
  | 'REJECTED';

/** Pagination state of a connection (Relay). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge of this page; pass it as `after` for the next page. Null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow endCursor. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** One attempt to pay for an order, with the refunds made against it. */
export type Payment = {
  __typename?: 'Payment';
  /** The amount to collect: the order's total. */
  amount: Money;
  /** The amount actually captured; zero until CAPTURED. */
  capturedAmount: Money;
  /** When the payment was captured (COD: collected on delivery); null before. */
  capturedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the payment was created (when the order was placed). */
  createdAt: Scalars['DateTime']['output'];
  /**
   * Why the payment failed (the provider's description, or "order cancelled"), or why a capture of
   * another amount than the order's total was refunded; null otherwise.
   */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** How the buyer chose to pay. */
  method: PaymentMethodType;
  /** The order being paid for. */
  order: Order;
  /** The human order number, e.g. PUR-2026-000123 (the provider's receipt). */
  orderNumber: Scalars['String']['output'];
  /** Who processes the payment. */
  provider: PaymentProvider;
  /** The provider's order id (Razorpay `order_…`); null until the provider has created it. */
  providerOrderId?: Maybe<Scalars['String']['output']>;
  /** The provider's payment id (Razorpay `pay_…`); null until the buyer has paid. */
  providerPaymentId?: Maybe<Scalars['String']['output']>;
  /** What can still be refunded: captured − processed − pending refunds. */
  refundableAmount: Money;
  /** The sum of PROCESSED refunds. */
  refundedAmount: Money;
  /** Refunds against this payment, oldest first. */
  refunds: Array<Refund>;
  /** Where the payment stands. */
  status: PaymentStatus;
  /** When the payment last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Payment method chosen at checkout. */
export type PaymentMethodInput = {
  /** The method. */
  type: PaymentMethodType;
  /** UPI only: the buyer's virtual payment address, e.g. name@okbank (at most 100 characters). */
  upiVpa?: InputMaybe<Scalars['String']['input']>;
};

/** How the buyer pays. */
export type PaymentMethodType =
  /** Debit or credit card. */
  | 'CARD'
  /** Cash on delivery: only up to a maximum order total and for eligible PIN codes. */
  | 'COD'
  /** Net banking. */
  | 'NETBANKING'
  /** UPI (optionally with the buyer's VPA). */
  | 'UPI';

/** Who processes a payment. */
export type PaymentProvider =
  /** Cash collected by the courier on delivery. */
  | 'COD'
  /** Razorpay. */
  | 'RAZORPAY'
  /** Purra's built-in test provider (development and tests). */
  | 'SANDBOX';

/**
 * Where a payment stands. A partial refund keeps the payment CAPTURED (see refundedAmount);
 * it becomes REFUNDED when everything captured has been refunded.
 */
export type PaymentStatus =
  /** The buyer paid; the money is held and will be captured. */
  | 'AUTHORIZED'
  /** The money was collected. */
  | 'CAPTURED'
  /** Waiting for the buyer to pay (COD: for delivery). */
  | 'CREATED'
  /** The payment failed, or the order was cancelled before it was paid. */
  | 'FAILED'
  /** Everything captured has been refunded. */
  | 'REFUNDED';

/** A store's pickup address. */
export type PickupAddress = {
  __typename?: 'PickupAddress';
  /** City or town. */
  city: Scalars['String']['output'];
  /** Building, street. */
  line1: Scalars['String']['output'];
  /** Area, locality; null when none. */
  line2?: Maybe<Scalars['String']['output']>;
  /** Six-digit PIN code. */
  pinCode: Scalars['String']['output'];
  /** State or union territory, as an IndianState name (e.g. KARNATAKA). */
  state: Scalars['String']['output'];
};

/** A store's pickup address. */
export type PickupAddressInput = {
  /** City or town; 1–100 characters. */
  city: Scalars['String']['input'];
  /** Building, street; 1–200 characters. */
  line1: Scalars['String']['input'];
  /** Area, locality; up to 200 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** Six digits, the first 1–9. */
  pinCode: Scalars['String']['input'];
  /** State or union territory as an IndianState name, e.g. KARNATAKA. */
  state: Scalars['String']['input'];
};

/** Lowest and highest selling price among a product's variants. */
export type PriceRange = {
  __typename?: 'PriceRange';
  /** Highest selling price. */
  max: Money;
  /** Lowest selling price. */
  min: Money;
};

/** A product as listed by a store: its variants are what shoppers buy. */
export type Product = {
  __typename?: 'Product';
  /** The product's brand. */
  brand: Brand;
  /** The category the product is listed in. */
  category: Category;
  /** When the product was listed. */
  createdAt: Scalars['DateTime']['output'];
  /** The owner user who listed the product. */
  createdBy?: Maybe<User>;
  /** Long description (plain text). */
  description: Scalars['String']['output'];
  /** GST rate for the HSN code, in percent (e.g. 18). */
  gstRatePercent: Scalars['Float']['output'];
  /** HSN code used for GST, e.g. "8517". */
  hsnCode: Scalars['String']['output'];
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Product images, in display order. */
  media: Array<ProductMedia>;
  /** Lowest and highest variant selling price; null when the product has no variants. */
  priceRange?: Maybe<PriceRange>;
  /** The rating over the product's APPROVED reviews; zero reviews give average 0 and count 0. */
  rating: ProductRating;
  /**
   * The product's APPROVED reviews. `first` is 1–50; `after` is the endCursor of the previous page
   * read with the same sort (a cursor of another sort is BAD_USER_INPUT).
   */
  reviews: ReviewConnection;
  /** URL slug, unique across the catalogue, e.g. "apple-iphone-15". */
  slug: Scalars['String']['output'];
  /** Lifecycle status. */
  status: ProductStatus;
  /** The store selling the product. */
  store: Store;
  /** Display title, e.g. "Apple iPhone 15". */
  title: Scalars['String']['output'];
  /** When the product last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Purchasable variants, in display order. */
  variants: Array<ProductVariant>;
};


/** A product as listed by a store: its variants are what shoppers buy. */
export type ProductReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ReviewSort>;
};

/** A page of products (Relay connection). */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products of this page with their cursors. */
  edges: Array<ProductEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many products match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A product in a connection. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** Narrows a product listing; every given condition must hold. */
export type ProductFilter = {
  /** Some variant has, for every listed attribute, one of its listed values (and is within the price range). */
  attributes?: InputMaybe<Array<AttributeFilter>>;
  /** Products of any of these brands. */
  brandIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Products of any of the brands with these slugs (at most 50; unknown slugs match nothing). Not with brandIds. */
  brandSlugs?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Products in this category or any of its descendants. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * Products in the category with this slug or any of its descendants: what a category page's URL
   * holds, so the page needs no request for the id first. Give categoryId or categorySlug, not both;
   * an unknown slug matches nothing.
   */
  categorySlug?: InputMaybe<Scalars['String']['input']>;
  /**
   * true: some variant (matching the price and attribute conditions) is in stock now; false: no
   * variant of the product is in stock. Omitted or null: stock is not looked at.
   */
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Some variant sells for at most this much (paise). */
  maxPrice?: InputMaybe<Scalars['Paise']['input']>;
  /** Some variant sells for at least this much (paise). */
  minPrice?: InputMaybe<Scalars['Paise']['input']>;
  /** Full-text search over title, brand, category and description; tolerates prefixes and typos. At most 200 characters. */
  query?: InputMaybe<Scalars['String']['input']>;
};

/** An image of a product in several renditions. */
export type ProductMedia = {
  __typename?: 'ProductMedia';
  /** Alternative text for accessibility. */
  alt: Scalars['String']['output'];
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Display order (0 first). */
  position: Scalars['Int']['output'];
  /** Renditions of the image by width and format. */
  urls: Array<MediaUrl>;
};

/** How shoppers rated a product, over its approved reviews only. */
export type ProductRating = {
  __typename?: 'ProductRating';
  /** Mean rating, 1–5, rounded to two decimals; 0 when there is no approved review. */
  average: Scalars['Float']['output'];
  /** Number of approved reviews. */
  count: Scalars['Int']['output'];
  /** Approved reviews per star rating, from 5 stars down to 1 (always five buckets). */
  distribution: Array<RatingBucket>;
};

/** A buyer's review of a product. */
export type ProductReview = {
  __typename?: 'ProductReview';
  /** The user who wrote it. */
  author: User;
  /** When it was submitted. */
  createdAt: Scalars['DateTime']['output'];
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** The product reviewed. */
  product: Product;
  /** Stars, 1–5. */
  rating: Scalars['Int']['output'];
  /** Why a moderator rejected it; null unless REJECTED. */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** Moderation status. */
  status: ReviewStatus;
  /** The review, plain text (HTML and control characters removed), 1–5,000 characters. */
  text: Scalars['String']['output'];
  /** Headline, plain text, 1–120 characters. */
  title: Scalars['String']['output'];
  /** When it last changed (edit or moderation). */
  updatedAt: Scalars['DateTime']['output'];
  /** Whether the author bought and received the product; always true (only buyers may review). */
  verified: Scalars['Boolean']['output'];
};

/** Order of a product listing. */
export type ProductSort =
  /** Most recently listed first. */
  | 'NEWEST'
  /** Lowest variant selling price first. */
  | 'PRICE_ASC'
  /** Highest variant selling price first (by the lowest price of each product). */
  | 'PRICE_DESC'
  /** Highest average rating first, then most ratings, then newest; unrated products last. */
  | 'RATING'
  /** Best match for the search query first (newest first without a query). */
  | 'RELEVANCE';

/** Lifecycle of a product: only ACTIVE products are shown to shoppers. */
export type ProductStatus =
  /** Listed and purchasable. */
  | 'ACTIVE'
  /** Withdrawn; still resolvable for past orders. */
  | 'ARCHIVED'
  /** Being prepared by its store; not visible to shoppers. */
  | 'DRAFT';

/** A purchasable variant of a product (owned by the catalog subgraph, which resolves its title and price). */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** The variant's attribute values (Colour=Black, Storage=128 GB). */
  attributes: Array<VariantAttributeValue>;
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Whether at least one unit can be sold now. False for a variant inventory holds no stock for. */
  inStock: Scalars['Boolean']['output'];
  /** Variant images, in display order. */
  media: Array<VariantMedia>;
  /** Minimum quantity of a retailer order; null for callers who are not RETAILER, OWNER or admin. */
  minOrderQuantity?: Maybe<Scalars['Int']['output']>;
  /** Maximum retail price (printed on the box). */
  mrp: Money;
  /** Selling price; never above the MRP. */
  price: Money;
  /** The product the variant belongs to. */
  product: Product;
  /** Price for retailers buying in bulk; null for callers who are not RETAILER, OWNER or admin, or when not offered. */
  retailerPrice?: Maybe<Money>;
  /** Stock keeping unit, unique across the catalogue ([A-Z0-9-], at most 64). */
  sku: Scalars['String']['output'];
  /**
   * Units that can still be sold (on hand minus reserved), for the owner of the variant's store or
   * an admin (inventory:write); null for everybody else.
   */
  stock?: Maybe<Scalars['Int']['output']>;
  /** Variant title, e.g. "Black, 128 GB". */
  title: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * The banners shown now at a placement: active, with startsAt ≤ now < endsAt, highest priority
   * first (then newest). CATEGORY needs `categoryId` (the catalog category's id); the other
   * placements must not have one (BAD_USER_INPUT, field `categoryId`). Public.
   */
  activeBanners: Array<Banner>;
  /** The signed-in admin (admin tokens only; a shopper token is FORBIDDEN). */
  adminMe: AdminUser;
  /** The fixed list of permissions roles can grant. */
  adminPermissions: Array<AdminPermission>;
  /** Every admin role, by name. */
  adminRoles: Array<AdminRole>;
  /**
   * Sessions of an admin, newest first (at most 100). Without adminId, the caller's own; another
   * admin's need admins:manage.
   */
  adminSessions: Array<AdminSession>;
  /** Every admin account, by name. */
  admins: Array<AdminUser>;
  /** Every variant attribute (Colour, Storage, …) with its values, for building filters. */
  attributes: Array<Attribute>;
  /**
   * What admins did in every subgraph, newest first. `first` is 1–100; `from` is inclusive and
   * `to` exclusive.
   */
  auditLogs: AuditLogConnection;
  /**
   * Admin list of every banner, including inactive, scheduled and expired ones, newest first,
   * optionally at one placement. `first` is 1–100. Needs `banners:write`.
   */
  banners: BannerConnection;
  /** Every brand, by name. */
  brands: Array<Brand>;
  /** Bulk announcement jobs, newest first (admins with notifications:send). `first` is 1–100. */
  bulkNotificationJobs: Array<BulkNotificationJob>;
  /** The root categories, in display order; each carries its children. */
  categories: Array<Category>;
  /** A category by its slug, or null. */
  category?: Maybe<Category>;
  /**
   * Admins (`settlements:manage`): the commission rates configured per catalogue category, by
   * category id, with the default that applies to a line none of whose categories has a rate.
   */
  commissionRates: CommissionRates;
  /**
   * A coupon by its code (case-insensitive), for anyone to check before applying it: what it gives,
   * from what order value, and when it is valid. Null when no coupon has this code, or when the
   * coupon is reserved for other users. Unknown codes count against a small per-caller budget
   * (RATE_LIMITED when spent), so codes cannot be guessed in bulk.
   */
  coupon?: Maybe<Coupon>;
  /** Every automatic discount rule, newest first (admins with promotions:write). */
  discountRules: Array<DiscountRule>;
  /** The GST rate of every HSN code the catalogue knows, by code. */
  gstRates: Array<GstRate>;
  /** The signed-in user; null if the account no longer exists. */
  me?: Maybe<User>;
  /** The caller's cart (created empty on first use). */
  myCart: Cart;
  /**
   * The coupons the caller can use now: those assigned to them and the public ones, ACTIVE, open to
   * their role, not used up (in total or by them). Soonest-ending first, at most 50.
   */
  myCoupons: Array<Coupon>;
  /**
   * The signed-in caller's in-app notifications, newest first. `first` is 1–100; `unreadOnly` keeps
   * those not yet marked read.
   */
  myNotifications: NotificationConnection;
  /** The signed-in user's orders, newest first. `first` is 1–100. */
  myOrders: OrderConnection;
  /** The signed-in user's owner application, null if none. */
  myOwnerApplication?: Maybe<Owner>;
  /** The signed-in shopper's returns, newest first, optionally only those in `status`. `first` is 1–100. */
  myReturns: ReturnConnection;
  /** The signed-in user's reviews in any status, newest first. `first` is 1–50. */
  myReviews: ReviewConnection;
  /**
   * The fulfilments of the caller's stores (one per order and store: the shopper's address snapshot and
   * that store's lines only), newest first, optionally only those in `status`. `first` is 1–100.
   */
  myStoreOrders: FulfilmentConnection;
  /** The caller's own stores, whatever their status, oldest first. */
  myStores: Array<Store>;
  /** The caller's wishlist (created empty on first use). */
  myWishlist: Wishlist;
  /** Every message template (admins with notifications:send), by event, channel and language. */
  notificationTemplates: Array<NotificationTemplate>;
  /**
   * One order by id. Its buyer, admins (scope orders:update), and the owner of the store of a
   * single-store order may read it. Null when there is no such order; FORBIDDEN when it exists but
   * belongs to someone else, and for the owner of one store of a multi-store order (the whole order
   * would show the other stores' lines and the full payment): owners read their part with
   * `myStoreOrders` or `Store.fulfilments`.
   */
  order?: Maybe<Order>;
  /**
   * Admins (`users:approve`): owner applications, oldest first, optionally only those with `status`.
   * `first` is 1–100.
   */
  ownerApplications: OwnerConnection;
  /**
   * One payment by id. Visible to the buyer of its order, to the owners of the stores in the
   * order and to admins holding `payments:read` or `payments:refund`; null for everybody else and
   * for unknown ids.
   */
  payment?: Maybe<Payment>;
  /** Reviews waiting for moderation, oldest first. `first` is 1–50. Needs `reviews:moderate`. */
  pendingReviews: ReviewConnection;
  /**
   * One product by id or by slug (give exactly one). Returns ACTIVE products of ACTIVE stores to
   * everyone; DRAFT or ARCHIVED products, and the products of a store that is not ACTIVE (pending,
   * suspended), only to the owner of the product's store and to admins; null otherwise.
   */
  product?: Maybe<Product>;
  /**
   * Searches and browses ACTIVE products of ACTIVE stores. `first` is at most 100. Without a
   * query, RELEVANCE sorts like NEWEST.
   */
  products: ProductConnection;
  /** The return windows: the default and each category's own. Admins with orders:update. */
  returnWindows: ReturnWindows;
  /**
   * A review by id: an APPROVED one for anyone; any status for its author and for moderators
   * (`reviews:moderate`). Null when unknown or not visible to the caller.
   */
  review?: Maybe<ProductReview>;
  /**
   * The stock of a variant, for the owner of the variant's store or an admin (inventory:write).
   * Null when inventory holds no stock for the variant; FORBIDDEN for another store's owner.
   */
  stockLevel?: Maybe<StockLevel>;
  /**
   * One store by id or by slug (give exactly one). Null when there is none, or when it is not
   * ACTIVE and the caller is neither its owner nor an admin holding stores:approve.
   */
  store?: Maybe<Store>;
  /**
   * Orders containing items of the caller's stores, newest first, optionally only those in `status`.
   * `first` is 1–100. Multi-store orders are left out (their owners would see the other stores' lines).
   * @deprecated Use myStoreOrders: each store's fulfilment, with only its own lines.
   */
  storeOrders: OrderConnection;
  /**
   * Stores, newest first. `first` is 1–100. Everybody may list ACTIVE stores (the default);
   * PENDING and SUSPENDED need stores:approve (FORBIDDEN otherwise).
   */
  stores: StoreConnection;
  /**
   * Admins: a user by id with their personal fields (email, phone, GSTIN, banned); null when
   * unknown. Needs `users:ban` or `users:approve`.
   */
  user?: Maybe<User>;
};


export type QueryActiveBannersArgs = {
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  placement: BannerPlacement;
};


export type QueryAdminSessionsArgs = {
  adminId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAuditLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBannersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  placement?: InputMaybe<BannerPlacement>;
};


export type QueryBulkNotificationJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCategoryArgs = {
  slug: Scalars['String']['input'];
};


export type QueryCouponArgs = {
  code: Scalars['String']['input'];
};


export type QueryMyNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryMyOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyReturnsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ReturnStatus>;
};


export type QueryMyReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyStoreOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<FulfilmentStatus>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOwnerApplicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OwnerStatus>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPendingReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryProductArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};


export type QueryReviewArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStockLevelArgs = {
  variantId: Scalars['ID']['input'];
};


export type QueryStoreArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QueryStoreOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OrderStatus>;
};


export type QueryStoresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<StoreStatus>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** How many approved reviews gave a product a number of stars. */
export type RatingBucket = {
  __typename?: 'RatingBucket';
  /** Approved reviews with that many stars. */
  count: Scalars['Int']['output'];
  /** Stars, 1–5. */
  stars: Scalars['Int']['output'];
};

/** A refresh token to exchange. */
export type RefreshTokenInput = {
  /** The refresh token from the last AuthPayload. */
  refreshToken: Scalars['String']['input'];
};

/** A refund of part or all of a captured payment. */
export type Refund = {
  __typename?: 'Refund';
  /** The amount refunded. */
  amount: Money;
  /** When the refund was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the provider refused the refund; null unless FAILED. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** Unique id (UUID v7); also the idempotency key sent to the provider. */
  id: Scalars['ID']['output'];
  /** The refunded payment. */
  payment: Payment;
  /** When the provider completed the refund; null before. */
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The provider's refund id (Razorpay `rfnd_…`); null until the provider accepted it. */
  providerRefundId?: Maybe<Scalars['String']['output']>;
  /** Why the refund was made. */
  reason: Scalars['String']['output'];
  /** Where the refund stands. */
  status: RefundStatus;
  /** The store whose lines the refund paid back; null for a refund of the whole order. */
  storeId?: Maybe<Scalars['ID']['output']>;
};

/** A refund to make. */
export type RefundPaymentInput = {
  /**
   * Amount in paise: 1..(captured − already refunded or being refunded). A store owner's refund (role
   * OWNER) is also limited to their store's part of the order — the sum of its lines' lineTotal — minus
   * what was already refunded or is being refunded for that store: more is FORBIDDEN, reason
   * STORE_REFUND_LIMIT. The limit is the payments subgraph's own figure (from order.placed), never the
   * client's.
   */
  amountPaise: Scalars['Paise']['input'];
  /** The CAPTURED payment to refund. */
  paymentId: Scalars['ID']['input'];
  /** Why the money is returned, 3–500 characters; shown to the buyer and sent to the provider. */
  reason: Scalars['String']['input'];
  /**
   * The store whose lines this refund pays back. An owner may leave it out when they own exactly one
   * store of the order; a store not in the order, or not the caller's, is FORBIDDEN. An admin
   * (payments:refund) without it refunds the order as a whole; with it, within that store's part.
   */
  storeId?: InputMaybe<Scalars['ID']['input']>;
};

/** Where a refund stands. */
export type RefundStatus =
  /** The provider refused the refund; nothing was returned. */
  | 'FAILED'
  /** Requested; the provider has not confirmed it yet. */
  | 'PENDING'
  /** The money was returned to the buyer. */
  | 'PROCESSED';

/** A new account. */
export type RegisterInput = {
  /** Login email; stored lower-case. */
  email: Scalars['String']['input'];
  /** GSTIN, required for RETAILER. */
  gstin?: InputMaybe<Scalars['String']['input']>;
  /** Display name, 1–100 characters, no control characters. */
  name: Scalars['String']['input'];
  /** 10–128 characters with at least one letter and one digit; not the email. */
  password: Scalars['String']['input'];
  /** Indian mobile number: 9876543210, +91 98765 43210 or +919876543210. */
  phone: Scalars['String']['input'];
  /** CUSTOMER (default) or RETAILER. */
  role?: RegistrationRole;
};

/** The roles a new account may choose; OWNER comes only from an approved owner application. */
export type RegistrationRole =
  /** Buys products. */
  | 'CUSTOMER'
  /** Buys for resale; needs a valid GSTIN. */
  | 'RETAILER';

/** What to return: some delivered lines of one fulfilment (identified by its id or by its store). */
export type RequestReturnInput = {
  /**
   * Cash-on-delivery orders only (required for them, refused for prepaid ones, which are refunded to
   * their payment): where to pay the refund.
   */
  codRefundTo?: InputMaybe<CodRefundToInput>;
  /** Optional details, at most 1000 characters. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The fulfilment the lines belong to; or give storeId. */
  fulfilmentId?: InputMaybe<Scalars['ID']['input']>;
  /** 1–50 distinct order items with how many units of each (1–1000) to return. */
  items: Array<ReturnItemInput>;
  /** The order. */
  orderId: Scalars['ID']['input'];
  /** Why. */
  reason: ReturnReason;
  /** The store whose fulfilment it is; or give fulfilmentId. */
  storeId?: InputMaybe<Scalars['ID']['input']>;
};

/** A return (RMA) of some delivered lines of one fulfilment. */
export type Return = {
  __typename?: 'Return';
  /** The shopper returning them. */
  buyer: User;
  /** Where a cash-on-delivery refund is paid (account number masked); null for prepaid orders. */
  codRefundTo?: Maybe<CodRefundTo>;
  /** The shopper's comment, if any. */
  comment?: Maybe<Scalars['String']['output']>;
  /** When the store approved or rejected it. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The fulfilment they were delivered in. */
  fulfilmentId: Scalars['ID']['output'];
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** The returned lines. */
  items: Array<ReturnItem>;
  /**
   * The order the lines are from; null for the owner of one store of a multi-store order, who reads
   * their part through myStoreOrders (the whole order would show the other stores' lines).
   */
  order?: Maybe<Order>;
  /** Why the shopper returns them. */
  reason: ReturnReason;
  /** When the store received the items. */
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What is refunded: the sum of the items' refunds. */
  refund: Money;
  /** When the refund was paid. */
  refundedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The store's reason, when REJECTED. */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** When the shopper asked. */
  requestedAt: Scalars['DateTime']['output'];
  /** Where the return stands. */
  status: ReturnStatus;
  /** Every status the return went through, oldest first. */
  statusHistory: Array<ReturnStatusChange>;
  /** The store that sold them. */
  store: Store;
  /** When the return last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of returns (Relay connection). */
export type ReturnConnection = {
  __typename?: 'ReturnConnection';
  /** The returns of this page with their cursors. */
  edges: Array<ReturnEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many returns match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A return in a connection. */
export type ReturnEdge = {
  __typename?: 'ReturnEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The return. */
  node: Return;
};

/** One returned line. */
export type ReturnItem = {
  __typename?: 'ReturnItem';
  /** The order item (OrderItem.id). */
  orderItemId: Scalars['ID']['output'];
  /** Units returned. */
  quantity: Scalars['Int']['output'];
  /** What these units refund. */
  refund: Money;
  /** Whether they can be sold again; null until the store receives them. */
  resaleable?: Maybe<Scalars['Boolean']['output']>;
  /** Title at checkout. */
  title: Scalars['String']['output'];
  /** The variant (catalog resolves its current details). */
  variant: ProductVariant;
};

/** Units of one order item to return. */
export type ReturnItemInput = {
  /** The order item (OrderItem.id). */
  orderItemId: Scalars['ID']['input'];
  /** How many units, 1–1000. */
  quantity: Scalars['Int']['input'];
};

/** Why the shopper returns the items. */
export type ReturnReason =
  /** Arrived damaged. */
  | 'DAMAGED'
  /** Does not work as it should. */
  | 'DEFECTIVE'
  /** Parts or accessories are missing. */
  | 'MISSING_PARTS'
  /** Differs from its description or pictures. */
  | 'NOT_AS_DESCRIBED'
  /** The shopper changed their mind. */
  | 'NO_LONGER_NEEDED'
  /** Something else (say what in the comment). */
  | 'OTHER'
  /** Not the item ordered. */
  | 'WRONG_ITEM';

/** One received item. */
export type ReturnReceiptInput = {
  /** The order item (ReturnItem.orderItemId). */
  orderItemId: Scalars['ID']['input'];
  /** Whether the units can be sold again: true puts them back in stock. */
  resaleable: Scalars['Boolean']['input'];
};

/** Where a return stands. Illegal moves are refused with CONFLICT, reason ILLEGAL_TRANSITION. */
export type ReturnStatus =
  /** Accepted by the store: the shopper sends the items back. */
  | 'APPROVED'
  /** Withdrawn before the store received the items (final). */
  | 'CLOSED'
  /** The store has the items back; the refund is on its way. */
  | 'RECEIVED'
  /** The refund was paid (final). */
  | 'REFUNDED'
  /** Refused by the store (final). */
  | 'REJECTED'
  /** Asked by the shopper; waiting for the store. */
  | 'REQUESTED';

/** One step of a return's history. */
export type ReturnStatusChange = {
  __typename?: 'ReturnStatusChange';
  /** When it changed. */
  at: Scalars['DateTime']['output'];
  /** The status before; null for the request itself. */
  from?: Maybe<ReturnStatus>;
  /** Why, when known (the reason given, a rejection's reason). */
  note?: Maybe<Scalars['String']['output']>;
  /** The status after. */
  to: ReturnStatus;
};

/** How long after delivery lines may be returned. */
export type ReturnWindows = {
  __typename?: 'ReturnWindows';
  /** Categories with their own window; a line takes its nearest category's. */
  categories: Array<CategoryReturnWindow>;
  /** Days for a line none of whose categories has its own window (RETURN_WINDOW_DAYS). */
  defaultDays: Scalars['Int']['output'];
};

/** A page of reviews. */
export type ReviewConnection = {
  __typename?: 'ReviewConnection';
  /** The reviews of this page with their cursors. */
  edges: Array<ReviewEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many reviews match in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A review in a connection. */
export type ReviewEdge = {
  __typename?: 'ReviewEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The review. */
  node: ProductReview;
};

/** Order of a product's reviews. */
export type ReviewSort =
  /** Most stars first, then most recent. */
  | 'HIGHEST'
  /** Fewest stars first, then most recent. */
  | 'LOWEST'
  /** Most recent first. */
  | 'NEWEST';

/** Where a review is in moderation. */
export type ReviewStatus =
  /** Published: shown to everyone and counted in the product's rating. */
  | 'APPROVED'
  /** Waiting for a moderator; shown only to its author (and moderators). */
  | 'PENDING'
  /** Refused by a moderator (see rejectionReason); shown only to its author (and moderators). */
  | 'REJECTED';

/** What a shopper account may do. */
export type Role =
  /** Buys products. */
  | 'CUSTOMER'
  /** Runs stores and sells; granted when an owner application is approved. */
  | 'OWNER'
  /** Buys for resale; registered with a GSTIN. */
  | 'RETAILER';

/** An announcement to every shopper. */
export type SendBulkNotificationInput = {
  /** Body, plain text, 1–5,000 characters. */
  body: Scalars['String']['input'];
  /** Channels to send on, at least one; SMS only when SMS is configured. */
  channels: Array<NotificationChannel>;
  /** Title (email subject), 1–150 characters. */
  title: Scalars['String']['input'];
};

/**
 * One payout to a store by a settlement run, with its statement. Every figure is the sum of the
 * entries it settled, by kind, net of refunds' reversals; payoutAmount = grossSales − commission −
 * commissionGst − tcs − fees − refunds.
 */
export type Settlement = {
  __typename?: 'Settlement';
  /** Marketplace commission (per category), less what refunds reversed. */
  commission: Money;
  /** GST (18 %) on the commission, less what refunds reversed. */
  commissionGst: Money;
  /** When the run made it. */
  createdAt: Scalars['DateTime']['output'];
  /** The ledger entries it settled, oldest first. */
  entries: Array<SettlementEntry>;
  /** The payment gateway's fees (prepaid sales only; the gateway keeps them on refunds). */
  fees: Money;
  /** Sales: what buyers paid for the store's delivered lines. */
  grossSales: Money;
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** What the store is paid. */
  payoutAmount: Money;
  /** End of the period: the run's cutoff (entries payable by then are paid). */
  periodEnd: Scalars['DateTime']['output'];
  /** Start of the period: the end of the store's previous payout, else its first entry here. */
  periodStart: Scalars['DateTime']['output'];
  /** Refunds of the store's lines. */
  refunds: Money;
  /** The run that made it. */
  runId: Scalars['ID']['output'];
  /** The statement as CSV (header row, one row per entry, a TOTAL row), for download. */
  statementCsv: Scalars['String']['output'];
  /** Where the payout stands. */
  status: SettlementStatus;
  /** Tax collected at source (section 52 CGST) on the net taxable value, less what refunds reversed. */
  tcs: Money;
};

/** A store's money in the settlement ledger (net of commission, GST, TCS, fees and refunds). */
export type SettlementBalance = {
  __typename?: 'SettlementBalance';
  /** Everything paid out so far: the sum of the store's payouts. */
  paidOut: Money;
  /** Payable entries the next settlement run will pay (when positive). */
  payable: Money;
  /** Entries still inside their return window: not payable yet. */
  pending: Money;
};

/** A page of payouts. */
export type SettlementConnection = {
  __typename?: 'SettlementConnection';
  /** The payouts of this page. */
  edges: Array<SettlementEdge>;
  /** Whether more follow. */
  pageInfo: PageInfo;
  /** How many payouts the store has in all. */
  totalCount: Scalars['Int']['output'];
};

/** A payout in a connection. */
export type SettlementEdge = {
  __typename?: 'SettlementEdge';
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The payout. */
  node: Settlement;
};

/** One posting of the settlement ledger, signed from the store's side. */
export type SettlementEntry = {
  __typename?: 'SettlementEntry';
  /** Positive: owed to the store; negative: charged to it. */
  amount: Money;
  /** When it was entered. */
  createdAt: Scalars['DateTime']['output'];
  /** The fulfilment (delivered store lines) it belongs to. */
  fulfilmentId: Scalars['ID']['output'];
  /** Unique id (UUID v7). */
  id: Scalars['ID']['output'];
  /** What it records. */
  kind: SettlementEntryKind;
  /** The order's number, e.g. PUR-2026-000123. */
  orderNumber: Scalars['String']['output'];
  /** When it became payable (the end of the return window). */
  payableAt: Scalars['DateTime']['output'];
  /** The refund that caused it (refunds and their reversals); null otherwise. */
  refundId?: Maybe<Scalars['ID']['output']>;
};

/** What a ledger entry records. Reversals by a refund have the charge's kind and a positive amount. */
export type SettlementEntryKind =
  /** Marketplace commission (or, with a refund, its reversal). */
  | 'COMMISSION'
  /** GST on the commission (or its reversal). */
  | 'COMMISSION_GST'
  /** The payment gateway's fee. */
  | 'GATEWAY_FEE'
  /** A refund of the store's lines. */
  | 'REFUND'
  /** The sale of a delivered fulfilment. */
  | 'SALE'
  /** TCS under section 52 of the CGST Act (or its reversal). */
  | 'TCS';

/** What one settlement run did. */
export type SettlementRun = {
  __typename?: 'SettlementRun';
  /** Entries payable by then were paid. */
  cutoff: Scalars['DateTime']['output'];
  /** The run's id. */
  id: Scalars['ID']['output'];
  /** How many payouts this call wrote. */
  payouts: Scalars['Int']['output'];
  /** True when this call finished a run interrupted earlier. */
  resumed: Scalars['Boolean']['output'];
};

/** Where a payout stands. */
export type SettlementStatus =
  /** Computed and its entries settled; finance makes the bank transfer (no transfer integration yet). */
  | 'SCHEDULED';

/** The stock of one variant. */
export type StockLevel = {
  __typename?: 'StockLevel';
  /** Units that can still be sold: onHand − reserved. */
  available: Scalars['Int']['output'];
  /** Low-stock alert threshold on the available count; 0 when the alert is off. */
  lowThreshold: Scalars['Int']['output'];
  /** Units in the warehouse, reserved ones included. */
  onHand: Scalars['Int']['output'];
  /** Units held for orders awaiting payment. */
  reserved: Scalars['Int']['output'];
  /** The variant (a ProductVariant id). */
  variantId: Scalars['ID']['output'];
};

/** A store selling on Purra (owned by the stores subgraph); the catalogue contributes its products. */
export type Store = {
  __typename?: 'Store';
  /** When the store was opened. */
  createdAt: Scalars['DateTime']['output'];
  /** Plain-text description, at most 2,000 characters; null when none. */
  description?: Maybe<Scalars['String']['output']>;
  /**
   * The store's fulfilments, newest first, optionally only those in `status` (`first` 1–100): its own
   * lines and the shopper's address snapshot. Null unless the caller owns the store or holds scope
   * orders:update.
   */
  fulfilments?: Maybe<FulfilmentConnection>;
  /**
   * GST identification number the store sells under (15 characters). Public: Indian e-commerce
   * rules require a seller's GSTIN and address to be shown to buyers.
   */
  gstin: Scalars['String']['output'];
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /**
   * The store's tax invoices and credit notes, newest first, optionally of one financial year
   * ("2026-27"). Null unless the caller owns the store or is an admin with orders:update.
   * `first` is 1–100.
   */
  invoices?: Maybe<InvoiceConnection>;
  /** HTTPS URL of the store's logo; null when none. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Display name, 2–80 characters. */
  name: Scalars['String']['output'];
  /** The user who owns the store (an approved owner). */
  owner: User;
  /** Where couriers collect the store's parcels; its state is the GST place of supply. */
  pickupAddress: PickupAddress;
  /** The store's ACTIVE products, newest first; empty while the store is not ACTIVE. `first` is at most 100. */
  products: ProductConnection;
  /**
   * Returns of the store's lines, newest first, optionally only those in `status`; null unless the
   * caller owns the store or is an admin with orders:update. `first` is 1–100.
   */
  returns?: Maybe<ReturnConnection>;
  /** Where the store's money stands: pending + payable + paidOut is everything the ledger owes it. */
  settlementBalance?: Maybe<SettlementBalance>;
  /** The store's payouts, newest first. `first` is 1–100. */
  settlements?: Maybe<SettlementConnection>;
  /** URL slug, unique: lower-case letters, digits and single hyphens, 2–60 characters. */
  slug: Scalars['String']['output'];
  /** Where the store stands: only ACTIVE stores sell. */
  status: StoreStatus;
  /** Why an admin suspended the store; null unless SUSPENDED. */
  suspensionReason?: Maybe<Scalars['String']['output']>;
  /** When the store was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A store selling on Purra (owned by the stores subgraph); the catalogue contributes its products. */
export type StoreFulfilmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<FulfilmentStatus>;
};


/** A store selling on Purra (owned by the stores subgraph); the catalogue contributes its products. */
export type StoreInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  financialYear?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A store selling on Purra (owned by the stores subgraph); the catalogue contributes its products. */
export type StoreProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A store selling on Purra (owned by the stores subgraph); the catalogue contributes its products. */
export type StoreReturnsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ReturnStatus>;
};


/** A store selling on Purra (owned by the stores subgraph); the catalogue contributes its products. */
export type StoreSettlementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of stores. */
export type StoreConnection = {
  __typename?: 'StoreConnection';
  /** The stores of this page. */
  edges: Array<StoreEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many stores match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A store in a page. */
export type StoreEdge = {
  __typename?: 'StoreEdge';
  /** Opaque cursor of this store, for `after`. */
  cursor: Scalars['String']['output'];
  /** The store. */
  node: Store;
};

/** Where a store stands. */
export type StoreStatus =
  /** Approved: its products are on sale. */
  | 'ACTIVE'
  /** Opened by its owner, waiting for approval by Purra. */
  | 'PENDING'
  /** Suspended by Purra: its products are hidden until it is reactivated. */
  | 'SUSPENDED';

/** A new review. */
export type SubmitReviewInput = {
  /** The product reviewed: one the caller bought and received. */
  productId: Scalars['ID']['input'];
  /** Stars, 1–5. */
  rating: Scalars['Int']['input'];
  /** The review, 1–5,000 characters after HTML and control characters are removed. */
  text: Scalars['String']['input'];
  /** Headline, 1–120 characters after HTML and control characters are removed. */
  title: Scalars['String']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every status change of one order from now on. Only for the order's buyer, the owner of a store
   * with items in it, or scope orders:update (FORBIDDEN otherwise, NOT_FOUND for an unknown order).
   */
  orderStatusChanged: OrderStatusUpdate;
};


export type SubscriptionOrderStatusChangedArgs = {
  orderId: Scalars['ID']['input'];
};

/** Changes to an admin; omitted fields stay as they are. */
export type UpdateAdminInput = {
  /** False deactivates the account (and revokes its sessions); you cannot deactivate yourself. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1–100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the roles: 1–20 existing role ids. */
  roleIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Changes to a banner; omitted fields stay as they are. */
export type UpdateBannerInput = {
  /** Whether it may be shown. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** The category for a CATEGORY banner; null clears it (when moving to another placement). */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** When it stops being shown; must stay after startsAt. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** https URL of the image. */
  imageUrl?: InputMaybe<Scalars['String']['input']>;
  /** An https URL or a storefront path starting with "/". */
  linkUrl?: InputMaybe<Scalars['String']['input']>;
  /** Where the banner is shown (set or clear categoryId to match). */
  placement?: InputMaybe<BannerPlacement>;
  /** 0–1000, higher first. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** When the banner starts being shown. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Second line, at most 200 characters; null or empty clears it. */
  subtitle?: InputMaybe<Scalars['String']['input']>;
  /** Headline, 1–120 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of updateBanner. */
export type UpdateBannerPayload = {
  __typename?: 'UpdateBannerPayload';
  /** The banner as it is now. */
  banner: Banner;
};

/** Changes to a brand; omitted fields are unchanged. */
export type UpdateBrandInput = {
  /** New logo (https URL); null removes the logo. */
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** New display name, 1–100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New URL slug ([a-z0-9-], at most 80). */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Result of updateBrand. */
export type UpdateBrandPayload = {
  __typename?: 'UpdateBrandPayload';
  /** The brand as changed. */
  brand: Brand;
};

/** Changes to a category; omitted fields are unchanged. */
export type UpdateCategoryInput = {
  /** New display name, 1–100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New parent category; null makes the category a root. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** New display order among its siblings, 0–10,000. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** New URL slug ([a-z0-9-], at most 80). */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Result of updateCategory. */
export type UpdateCategoryPayload = {
  __typename?: 'UpdateCategoryPayload';
  /** The category as changed. */
  category: Category;
};

/** Changes to a coupon. Omitted fields stay as they are; for the fields that allow it, null removes the value. */
export type UpdateCouponInput = {
  /** Switches the coupon on or off. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** New amount off in paise (FLAT coupons). */
  amountOff?: InputMaybe<Scalars['Paise']['input']>;
  /** Replaces the assigned users; [] makes the coupon public. */
  assignedUserIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Replaces the brand restriction; [] removes it. */
  brandIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Replaces the role restriction; [] removes it. */
  buyerRoles?: InputMaybe<Array<BuyerRole>>;
  /** Replaces the category restriction; [] removes it. */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** New description, 1–500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New end of validity, after startsAt; null: never expires. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The coupon to change. */
  id: Scalars['ID']['input'];
  /** New cap in paise (PERCENT coupons); null removes the cap. */
  maxDiscount?: InputMaybe<Scalars['Paise']['input']>;
  /** New minimum order value in paise. */
  minOrderValue?: InputMaybe<Scalars['Paise']['input']>;
  /** New per-user limit (at least 1); null: unlimited. */
  perUserLimit?: InputMaybe<Scalars['Int']['input']>;
  /** New percentage (PERCENT coupons), 1–90. */
  percentOff?: InputMaybe<Scalars['Int']['input']>;
  /** New start of validity. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** New total limit (at least 1); null: unlimited. */
  usageLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of updateCoupon. */
export type UpdateCouponPayload = {
  __typename?: 'UpdateCouponPayload';
  /** The coupon as changed. */
  coupon: Coupon;
};

/** Changes to a rule. Omitted fields stay as they are; null removes startsAt or endsAt. */
export type UpdateDiscountRuleInput = {
  /** Switches the rule on or off. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** New category (CATEGORY_SALE). */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** New description, 1–500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New end of the window; null: never ends. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The rule to change. */
  id: Scalars['ID']['input'];
  /** New minimum quantity (RETAILER_BULK), 1–10,000. */
  minQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** New percentage, 1–90. */
  percent?: InputMaybe<Scalars['Int']['input']>;
  /** New start of the window; null: applies at once. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Result of updateDiscountRule. */
export type UpdateDiscountRulePayload = {
  __typename?: 'UpdateDiscountRulePayload';
  /** The rule as changed. */
  rule: DiscountRule;
};

/** The new text of a template. */
export type UpdateNotificationTemplateInput = {
  /** Body template, 1–20,000 characters. */
  body: Scalars['String']['input'];
  /** The channel it is for. */
  channel: NotificationChannel;
  /** The event it is for. */
  event: NotificationEvent;
  /** The language it is written in. */
  language: NotificationLanguage;
  /** Subject (EMAIL) or title (IN_APP) template, at most 300 characters; ignored (stored empty) for SMS. */
  subject: Scalars['String']['input'];
};

/** Changes to a product; omitted fields are unchanged. */
export type UpdateProductInput = {
  /** New brand. */
  brandId?: InputMaybe<Scalars['ID']['input']>;
  /** New category. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** New description, at most 10,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New HSN code. */
  hsnCode?: InputMaybe<Scalars['String']['input']>;
  /** The product to change. */
  id: Scalars['ID']['input'];
  /** New slug ([a-z0-9-], at most 220). */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** DRAFT or ACTIVE (ACTIVE needs at least one variant); use archiveProduct to archive. */
  status?: InputMaybe<ProductStatus>;
  /** New title, 1–200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of updateProduct. */
export type UpdateProductPayload = {
  __typename?: 'UpdateProductPayload';
  /** The product as changed. */
  product: Product;
};

/** Profile changes; omitted fields stay as they are. */
export type UpdateProfileInput = {
  /** New display name, 1–100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New mobile number (+91). */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** The new content of an existing review (every field replaced). */
export type UpdateReviewInput = {
  /** Stars, 1–5. */
  rating: Scalars['Int']['input'];
  /** The review, 1–5,000 characters after HTML and control characters are removed. */
  text: Scalars['String']['input'];
  /** Headline, 1–120 characters after HTML and control characters are removed. */
  title: Scalars['String']['input'];
};

/** Changes to a role; omitted fields stay as they are. */
export type UpdateRoleInput = {
  /** At most 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique, upper snake case, 2–50 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the permissions. */
  permissions?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Changes to a store; omitted fields stay as they are, an empty description or logoUrl clears it. */
export type UpdateStoreInput = {
  /** New description; "" clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New GSTIN (same rules as at creation). */
  gstin?: InputMaybe<Scalars['String']['input']>;
  /** New HTTPS logo URL; "" clears it. */
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** New display name, 2–80 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New pickup address (replaces the whole address). */
  pickupAddress?: InputMaybe<PickupAddressInput>;
  /** New URL slug; CONFLICT (reason SLUG_TAKEN) when another store has it. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a variant; omitted fields are unchanged. */
export type UpdateVariantInput = {
  /** The variant to change. */
  id: Scalars['ID']['input'];
  /** New minimum retailer order quantity. */
  minOrderQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** New MRP in paise. */
  mrp?: InputMaybe<Scalars['Paise']['input']>;
  /** New selling price in paise. */
  price?: InputMaybe<Scalars['Paise']['input']>;
  /** New retailer price in paise. */
  retailerPrice?: InputMaybe<Scalars['Paise']['input']>;
  /** New title, 1–200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of updateVariant. */
export type UpdateVariantPayload = {
  __typename?: 'UpdateVariantPayload';
  /** The variant as changed. */
  variant: ProductVariant;
};

/** A Purra user (owned by the users subgraph); the cart subgraph contributes their cart and wishlist. */
export type User = {
  __typename?: 'User';
  /**
   * Delivery addresses, the default first, then in the order they were added. Personal: null unless
   * the caller is this user (another caller gets null, not an error, as for email).
   */
  addresses?: Maybe<Array<Address>>;
  /**
   * Whether the account is banned (it cannot sign in). Shown to the user themself and to admins
   * holding `users:ban` or `users:approve`; null for everybody else.
   */
  banned?: Maybe<Scalars['Boolean']['output']>;
  /** The user's shopping cart. Personal: null unless the caller is this user. */
  cart?: Maybe<Cart>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * Login email, lower-case. Personal: null unless the caller is this user or an admin holding
   * `users:ban` or `users:approve`.
   */
  email?: Maybe<Scalars['String']['output']>;
  /**
   * GSTIN given at registration (retailers). Null unless the caller is this user or an admin holding
   * `users:ban` or `users:approve`.
   */
  gstin?: Maybe<Scalars['String']['output']>;
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Display name, 1–100 characters. */
  name: Scalars['String']['output'];
  /** The user's in-app notifications, newest first; null unless the caller is this user. `first` is 1–100. */
  notifications?: Maybe<NotificationConnection>;
  /** The user's orders, newest first; null unless the caller is this user. `first` is 1–100. */
  orders?: Maybe<OrderConnection>;
  /**
   * Mobile number as +91XXXXXXXXXX. Personal: null unless the caller is this user or an admin holding
   * `users:ban` or `users:approve`.
   */
  phone?: Maybe<Scalars['String']['output']>;
  /**
   * The reviews the user wrote, in any status, newest first; `first` is 1–50. Personal: null unless
   * the caller is this user.
   */
  reviews?: Maybe<ReviewConnection>;
  /** What the account may do on Purra. */
  role: Role;
  /**
   * The stores this user owns, whatever their status, oldest first. Null unless the caller is
   * this user or an admin holding stores:approve.
   */
  stores?: Maybe<Array<Store>>;
  /** The user's wishlist. Personal: null unless the caller is this user. */
  wishlist?: Maybe<Wishlist>;
};


/** A Purra user (owned by the users subgraph); the cart subgraph contributes their cart and wishlist. */
export type UserNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** A Purra user (owned by the users subgraph); the cart subgraph contributes their cart and wishlist. */
export type UserOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A Purra user (owned by the users subgraph); the cart subgraph contributes their cart and wishlist. */
export type UserReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One attribute value of a variant. */
export type VariantAttributeValue = {
  __typename?: 'VariantAttributeValue';
  /** The attribute, e.g. Colour. */
  attribute: Attribute;
  /** The value, e.g. Black. */
  value: AttributeValue;
};

/** An image of a variant in several renditions. */
export type VariantMedia = {
  __typename?: 'VariantMedia';
  /** Alternative text for accessibility. */
  alt: Scalars['String']['output'];
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Display order (0 first). */
  position: Scalars['Int']['output'];
  /** Renditions of the image by width and format. */
  urls: Array<MediaUrl>;
};

/** A shopper's wishlist: variants saved for later. */
export type Wishlist = {
  __typename?: 'Wishlist';
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** Number of saved variants. */
  itemCount: Scalars['Int']['output'];
  /** The saved variants, oldest first. */
  items: Array<WishlistItem>;
  /** When the wishlist last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A variant saved in a wishlist. */
export type WishlistItem = {
  __typename?: 'WishlistItem';
  /** When it was saved. */
  addedAt: Scalars['DateTime']['output'];
  /** Unique id (UUID). */
  id: Scalars['ID']['output'];
  /** The saved variant. */
  variant: ProductVariant;
};

export type AddAddressMutationVariables = Exact<{
  input: AddressInput;
}>;


export type AddAddressMutation = { __typename?: 'Mutation', addAddress: { __typename: 'Address', id: string, name: string, phone: string, line1: string, line2?: string | null, landmark?: string | null, city: string, state: IndianState, pinCode: string, isDefault: boolean, createdAt: string } };

export type AddToCartMutationVariables = Exact<{
  variantId: Scalars['ID']['input'];
  quantity?: Scalars['Int']['input'];
}>;


export type AddToCartMutation = { __typename?: 'Mutation', addToCart: { __typename: 'Cart', id: string, itemCount: number } };

export type AddToWishlistMutationVariables = Exact<{
  variantId: Scalars['ID']['input'];
}>;


export type AddToWishlistMutation = { __typename?: 'Mutation', addToWishlist: { __typename: 'Wishlist', id: string, itemCount: number } };

export type ApplyCouponMutationVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type ApplyCouponMutation = { __typename?: 'Mutation', applyCoupon: { __typename: 'Cart', id: string, couponCode?: string | null, pricing?: { __typename: 'CartPricing', couponDiscount: { __typename: 'Money', paise: number, formatted: string }, total: { __typename: 'Money', paise: number, formatted: string } } | null } };

export type ApplyForOwnerMutationVariables = Exact<{
  input: ApplyForOwnerInput;
}>;


export type ApplyForOwnerMutation = { __typename?: 'Mutation', applyForOwner: { __typename: 'Owner', id: string, businessName: string, gstin: string, pan: string, status: OwnerStatus, createdAt: string, reviewedAt?: string | null } };

export type AttributesQueryVariables = Exact<{ [key: string]: never; }>;


export type AttributesQuery = { __typename?: 'Query', attributes: Array<{ __typename: 'Attribute', id: string, name: string, slug: string, values: Array<{ __typename: 'AttributeValue', id: string, value: string }> }> };

export type BrandsQueryVariables = Exact<{ [key: string]: never; }>;


export type BrandsQuery = { __typename?: 'Query', brands: Array<{ __typename: 'Brand', id: string, name: string, slug: string, logoUrl?: string | null }> };

export type CancelOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type CancelOrderMutation = { __typename?: 'Mutation', cancelOrder: { __typename: 'Order', id: string, status: OrderStatus, cancellationReason?: string | null } };

export type CartBadgeQueryVariables = Exact<{ [key: string]: never; }>;


export type CartBadgeQuery = { __typename?: 'Query', myCart: { __typename: 'Cart', id: string, itemCount: number } };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { __typename?: 'Query', categories: Array<{ __typename: 'Category', id: string, name: string, slug: string, position: number, children: Array<{ __typename: 'Category', id: string, name: string, slug: string, position: number, children: Array<{ __typename: 'Category', id: string, name: string, slug: string, position: number }> }> }> };

export type CategoryBySlugQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type CategoryBySlugQuery = { __typename?: 'Query', category?: { __typename: 'Category', id: string, name: string, slug: string, position: number, parent?: { __typename: 'Category', id: string, name: string, slug: string } | null, breadcrumbs: Array<{ __typename: 'Category', id: string, name: string, slug: string }>, children: Array<{ __typename: 'Category', id: string, name: string, slug: string, position: number }> } | null };

export type CheckoutMutationVariables = Exact<{
  input: CheckoutInput;
}>;


export type CheckoutMutation = { __typename?: 'Mutation', checkout: { __typename: 'CheckoutPayload', replayed: boolean, order: { __typename: 'Order', id: string, orderNumber: string, status: OrderStatus, paymentDueBy?: string | null, total: { __typename: 'Money', paise: number, formatted: string } } } };

export type DeleteAddressMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteAddressMutation = { __typename?: 'Mutation', deleteAddress: { __typename: 'DeleteAddressPayload', deletedAddressId: string, user: { __typename: 'User', id: string, addresses?: Array<{ __typename: 'Address', id: string, isDefault: boolean }> | null } } };

export type HomePageQueryVariables = Exact<{ [key: string]: never; }>;


export type HomePageQuery = { __typename?: 'Query', hero: Array<{ __typename: 'Banner', id: string, title: string, subtitle?: string | null, imageUrl: string, linkUrl: string }>, strip: Array<{ __typename: 'Banner', id: string, title: string, subtitle?: string | null, imageUrl: string, linkUrl: string }>, categories: Array<{ __typename: 'Category', id: string, name: string, slug: string, position: number }>, featured: { __typename: 'ProductConnection', edges: Array<{ __typename: 'ProductEdge', node: { __typename: 'Product', id: string, title: string, slug: string, brand: { __typename: 'Brand', id: string, name: string }, priceRange?: { __typename: 'PriceRange', min: { __typename: 'Money', paise: number, formatted: string } } | null, rating: { __typename: 'ProductRating', average: number, count: number }, media: Array<{ __typename: 'ProductMedia', id: string, alt: string, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }> } }> } };

export type ListingFacetsQueryVariables = Exact<{ [key: string]: never; }>;


export type ListingFacetsQuery = { __typename?: 'Query', categories: Array<{ __typename: 'Category', id: string, name: string, slug: string, children: Array<{ __typename: 'Category', id: string, name: string, slug: string, children: Array<{ __typename: 'Category', id: string, name: string, slug: string }> }> }>, brands: Array<{ __typename: 'Brand', id: string, name: string, slug: string }>, attributes: Array<{ __typename: 'Attribute', id: string, name: string, slug: string, values: Array<{ __typename: 'AttributeValue', id: string, value: string }> }> };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename: 'AuthPayload', accessToken: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, name: string, email?: string | null, phone?: string | null, gstin?: string | null, role: Role, createdAt: string } } };

export type LogoutMutationVariables = Exact<{
  input: LogoutInput;
}>;


export type LogoutMutation = { __typename?: 'Mutation', logout: { __typename: 'LogoutPayload', loggedOut: boolean } };

export type MarkNotificationReadMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MarkNotificationReadMutation = { __typename?: 'Mutation', markNotificationRead: { __typename: 'Notification', id: string, readAt?: string | null } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me?: { __typename: 'User', id: string, name: string, email?: string | null, phone?: string | null, gstin?: string | null, role: Role, createdAt: string, addresses?: Array<{ __typename: 'Address', id: string, name: string, phone: string, line1: string, line2?: string | null, landmark?: string | null, city: string, state: IndianState, pinCode: string, isDefault: boolean, createdAt: string }> | null } | null };

export type MoveWishlistItemToCartMutationVariables = Exact<{
  variantId: Scalars['ID']['input'];
  quantity?: Scalars['Int']['input'];
}>;


export type MoveWishlistItemToCartMutation = { __typename?: 'Mutation', moveWishlistItemToCart: { __typename: 'Cart', id: string, itemCount: number } };

export type MyCartQueryVariables = Exact<{
  shippingAddressId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type MyCartQuery = { __typename?: 'Query', myCart: { __typename: 'Cart', id: string, itemCount: number, couponCode?: string | null, items: Array<{ __typename: 'CartItem', id: string, quantity: number, variant: { __typename: 'ProductVariant', id: string, sku: string, title: string, inStock: boolean, minOrderQuantity?: number | null, price: { __typename: 'Money', paise: number, formatted: string }, mrp: { __typename: 'Money', paise: number, formatted: string }, retailerPrice?: { __typename: 'Money', paise: number, formatted: string } | null, product: { __typename: 'Product', id: string, title: string, slug: string, brand: { __typename: 'Brand', id: string, name: string }, media: Array<{ __typename: 'ProductMedia', id: string, alt: string, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }> } } }>, pricing?: { __typename: 'CartPricing', subtotal: { __typename: 'Money', paise: number, formatted: string }, automaticDiscount: { __typename: 'Money', paise: number, formatted: string }, couponDiscount: { __typename: 'Money', paise: number, formatted: string }, couponRejection?: { __typename: 'CartCouponRejection', code: string, reason: CartCouponRejectionReason, message: string } | null, gst: { __typename: 'CartTaxBreakdown', cgst: { __typename: 'Money', paise: number, formatted: string }, sgst: { __typename: 'Money', paise: number, formatted: string }, igst: { __typename: 'Money', paise: number, formatted: string }, total: { __typename: 'Money', paise: number, formatted: string } }, shipping: { __typename: 'Money', paise: number, formatted: string }, total: { __typename: 'Money', paise: number, formatted: string } } | null } };

export type MyNotificationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyNotificationsQuery = { __typename?: 'Query', myNotifications: { __typename: 'NotificationConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'NotificationEdge', node: { __typename: 'Notification', id: string, channel: NotificationChannel, event: NotificationEvent, title: string, body: string, readAt?: string | null, createdAt: string } }> } };

export type MyOrdersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyOrdersQuery = { __typename?: 'Query', myOrders: { __typename: 'OrderConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'OrderEdge', cursor: string, node: { __typename: 'Order', id: string, orderNumber: string, status: OrderStatus, placedAt: string, total: { __typename: 'Money', paise: number, formatted: string }, items: Array<{ __typename: 'OrderItem', title: string, quantity: number }> } }> } };

export type MyOwnerApplicationQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOwnerApplicationQuery = { __typename?: 'Query', myOwnerApplication?: { __typename: 'Owner', id: string, businessName: string, gstin: string, pan: string, status: OwnerStatus, createdAt: string, reviewedAt?: string | null } | null };

export type MyWishlistQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWishlistQuery = { __typename?: 'Query', myWishlist: { __typename: 'Wishlist', id: string, itemCount: number, items: Array<{ __typename: 'WishlistItem', id: string, addedAt: string, variant: { __typename: 'ProductVariant', id: string, title: string, inStock: boolean, price: { __typename: 'Money', paise: number, formatted: string }, product: { __typename: 'Product', slug: string } } }> } };

export type OrderByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderByIdQuery = { __typename?: 'Query', order?: { __typename: 'Order', id: string, orderNumber: string, status: OrderStatus, placedAt: string, paymentDueBy?: string | null, couponCode?: string | null, trackingNumber?: string | null, carrier?: string | null, cancellationReason?: string | null, paymentMethod: { __typename: 'OrderPaymentMethod', type: PaymentMethodType, upiVpa?: string | null }, shippingAddress: { __typename: 'OrderAddress', name: string, phone: string, line1: string, line2?: string | null, landmark?: string | null, city: string, state: string, pinCode: string }, items: Array<{ __typename: 'OrderItem', id: string, sku: string, title: string, quantity: number, gstRatePercent: number, variant: { __typename: 'ProductVariant', id: string, product: { __typename: 'Product', id: string, slug: string } }, unitPrice: { __typename: 'Money', paise: number, formatted: string }, discount: { __typename: 'Money', paise: number, formatted: string }, gst: { __typename: 'Money', paise: number, formatted: string }, lineTotal: { __typename: 'Money', paise: number, formatted: string } }>, subtotal: { __typename: 'Money', paise: number, formatted: string }, automaticDiscount: { __typename: 'Money', paise: number, formatted: string }, couponDiscount: { __typename: 'Money', paise: number, formatted: string }, gst: { __typename: 'OrderTax', cgst: { __typename: 'Money', paise: number, formatted: string }, sgst: { __typename: 'Money', paise: number, formatted: string }, igst: { __typename: 'Money', paise: number, formatted: string }, total: { __typename: 'Money', paise: number, formatted: string } }, shipping: { __typename: 'Money', paise: number, formatted: string }, total: { __typename: 'Money', paise: number, formatted: string }, statusHistory: Array<{ __typename: 'OrderStatusChange', from?: OrderStatus | null, to: OrderStatus, at: string, note?: string | null }> } | null };

export type OrderStatusChangedSubscriptionVariables = Exact<{
  orderId: Scalars['ID']['input'];
}>;


export type OrderStatusChangedSubscription = { __typename?: 'Subscription', orderStatusChanged: { __typename: 'OrderStatusUpdate', orderId: string, orderNumber: string, status: OrderStatus, previousStatus: OrderStatus, at: string } };

export type ProductByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProductByIdQuery = { __typename?: 'Query', product?: { __typename: 'Product', id: string, title: string, slug: string, description: string, status: ProductStatus, gstRatePercent: number, createdAt: string, updatedAt: string, brand: { __typename: 'Brand', id: string, name: string, slug: string, logoUrl?: string | null }, category: { __typename: 'Category', id: string, name: string, slug: string, breadcrumbs: Array<{ __typename: 'Category', id: string, name: string, slug: string }> }, store: { __typename: 'Store', id: string }, priceRange?: { __typename: 'PriceRange', min: { __typename: 'Money', paise: number, formatted: string, currency: string }, max: { __typename: 'Money', paise: number, formatted: string, currency: string } } | null, media: Array<{ __typename: 'ProductMedia', id: string, alt: string, position: number, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }>, variants: Array<{ __typename: 'ProductVariant', id: string, sku: string, title: string, minOrderQuantity?: number | null, mrp: { __typename: 'Money', paise: number, formatted: string, currency: string }, price: { __typename: 'Money', paise: number, formatted: string, currency: string }, retailerPrice?: { __typename: 'Money', paise: number, formatted: string, currency: string } | null, attributes: Array<{ __typename: 'VariantAttributeValue', attribute: { __typename: 'Attribute', id: string, name: string, slug: string }, value: { __typename: 'AttributeValue', id: string, value: string } }>, media: Array<{ __typename: 'VariantMedia', id: string, alt: string, position: number, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }> }> } | null };

export type ProductBySlugQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type ProductBySlugQuery = { __typename?: 'Query', product?: { __typename: 'Product', id: string, title: string, slug: string, description: string, status: ProductStatus, gstRatePercent: number, createdAt: string, updatedAt: string, brand: { __typename: 'Brand', id: string, name: string, slug: string, logoUrl?: string | null }, category: { __typename: 'Category', id: string, name: string, slug: string, breadcrumbs: Array<{ __typename: 'Category', id: string, name: string, slug: string }> }, store: { __typename: 'Store', id: string, name: string, slug: string }, rating: { __typename: 'ProductRating', average: number, count: number, distribution: Array<{ __typename: 'RatingBucket', stars: number, count: number }> }, reviews: { __typename: 'ReviewConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'ReviewEdge', node: { __typename: 'ProductReview', id: string, rating: number, title: string, text: string, verified: boolean, createdAt: string, author: { __typename: 'User', id: string, name: string } } }> }, priceRange?: { __typename: 'PriceRange', min: { __typename: 'Money', paise: number, formatted: string, currency: string }, max: { __typename: 'Money', paise: number, formatted: string, currency: string } } | null, media: Array<{ __typename: 'ProductMedia', id: string, alt: string, position: number, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }>, variants: Array<{ __typename: 'ProductVariant', id: string, sku: string, title: string, minOrderQuantity?: number | null, inStock: boolean, mrp: { __typename: 'Money', paise: number, formatted: string, currency: string }, price: { __typename: 'Money', paise: number, formatted: string, currency: string }, retailerPrice?: { __typename: 'Money', paise: number, formatted: string, currency: string } | null, attributes: Array<{ __typename: 'VariantAttributeValue', attribute: { __typename: 'Attribute', id: string, name: string, slug: string }, value: { __typename: 'AttributeValue', id: string, value: string } }>, media: Array<{ __typename: 'VariantMedia', id: string, alt: string, position: number, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }> }> } | null };

export type ProductReviewsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<ReviewSort>;
}>;


export type ProductReviewsQuery = { __typename?: 'Query', product?: { __typename: 'Product', id: string, reviews: { __typename: 'ReviewConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'ReviewEdge', node: { __typename: 'ProductReview', id: string, rating: number, title: string, text: string, verified: boolean, createdAt: string, author: { __typename: 'User', id: string, name: string } } }> } } | null };

export type RefreshTokenMutationVariables = Exact<{
  input: RefreshTokenInput;
}>;


export type RefreshTokenMutation = { __typename?: 'Mutation', refreshToken: { __typename: 'AuthPayload', accessToken: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, name: string, email?: string | null, role: Role } } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { __typename?: 'Mutation', register: { __typename: 'AuthPayload', accessToken: string, expiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, name: string, email?: string | null, phone?: string | null, gstin?: string | null, role: Role, createdAt: string } } };

export type RemoveCartItemMutationVariables = Exact<{
  itemId: Scalars['ID']['input'];
}>;


export type RemoveCartItemMutation = { __typename?: 'Mutation', removeCartItem: { __typename: 'Cart', id: string, itemCount: number } };

export type RemoveCouponMutationVariables = Exact<{ [key: string]: never; }>;


export type RemoveCouponMutation = { __typename?: 'Mutation', removeCoupon: { __typename: 'Cart', id: string, couponCode?: string | null } };

export type RemoveFromWishlistMutationVariables = Exact<{
  variantId: Scalars['ID']['input'];
}>;


export type RemoveFromWishlistMutation = { __typename?: 'Mutation', removeFromWishlist: { __typename: 'Wishlist', id: string, itemCount: number, items: Array<{ __typename: 'WishlistItem', id: string }> } };

export type SearchProductsQueryVariables = Exact<{
  filter?: InputMaybe<ProductFilter>;
  sort?: InputMaybe<ProductSort>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SearchProductsQuery = { __typename?: 'Query', products: { __typename: 'ProductConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'ProductEdge', cursor: string, node: { __typename: 'Product', id: string, title: string, slug: string, brand: { __typename: 'Brand', id: string, name: string, slug: string }, category: { __typename: 'Category', id: string, name: string, slug: string }, rating: { __typename: 'ProductRating', average: number, count: number }, priceRange?: { __typename: 'PriceRange', min: { __typename: 'Money', paise: number, formatted: string, currency: string }, max: { __typename: 'Money', paise: number, formatted: string, currency: string } } | null, media: Array<{ __typename: 'ProductMedia', id: string, alt: string, position: number, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }> } }> } };

export type SetDefaultAddressMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SetDefaultAddressMutation = { __typename?: 'Mutation', setDefaultAddress: { __typename: 'Address', id: string, isDefault: boolean } };

export type StorePageQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type StorePageQuery = { __typename?: 'Query', store?: { __typename: 'Store', id: string, name: string, slug: string, description?: string | null, logoUrl?: string | null, gstin: string, status: StoreStatus, pickupAddress: { __typename: 'PickupAddress', city: string, state: string }, products: { __typename: 'ProductConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'ProductEdge', node: { __typename: 'Product', id: string, title: string, slug: string, brand: { __typename: 'Brand', id: string, name: string }, priceRange?: { __typename: 'PriceRange', min: { __typename: 'Money', paise: number, formatted: string } } | null, rating: { __typename: 'ProductRating', average: number, count: number }, media: Array<{ __typename: 'ProductMedia', id: string, alt: string, urls: Array<{ __typename: 'MediaUrl', url: string, width: number, format: ImageFormat }> }> } }> } } | null };

export type SubmitReviewMutationVariables = Exact<{
  input: SubmitReviewInput;
}>;


export type SubmitReviewMutation = { __typename?: 'Mutation', submitReview: { __typename: 'ProductReview', id: string, rating: number, title: string, text: string, status: ReviewStatus, createdAt: string } };

export type UpdateAddressMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: AddressInput;
}>;


export type UpdateAddressMutation = { __typename?: 'Mutation', updateAddress: { __typename: 'Address', id: string, name: string, phone: string, line1: string, line2?: string | null, landmark?: string | null, city: string, state: IndianState, pinCode: string, isDefault: boolean, createdAt: string } };

export type UpdateCartItemMutationVariables = Exact<{
  itemId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
}>;


export type UpdateCartItemMutation = { __typename?: 'Mutation', updateCartItem: { __typename: 'Cart', id: string, itemCount: number, items: Array<{ __typename: 'CartItem', id: string, quantity: number }> } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { __typename?: 'Mutation', updateProfile: { __typename: 'User', id: string, name: string, phone?: string | null } };


export const AddAddressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAddress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addAddress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"landmark"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"pinCode"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<AddAddressMutation, AddAddressMutationVariables>;
export const AddToCartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddToCart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addToCart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"variantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"quantity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}}]}}]} as unknown as DocumentNode<AddToCartMutation, AddToCartMutationVariables>;
export const AddToWishlistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddToWishlist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addToWishlist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"variantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}}]}}]} as unknown as DocumentNode<AddToWishlistMutation, AddToWishlistMutationVariables>;
export const ApplyCouponDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyCoupon"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyCoupon"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"couponCode"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"couponDiscount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplyCouponMutation, ApplyCouponMutationVariables>;
export const ApplyForOwnerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyForOwner"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyForOwnerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyForOwner"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessName"}},{"kind":"Field","name":{"kind":"Name","value":"gstin"}},{"kind":"Field","name":{"kind":"Name","value":"pan"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}}]}}]}}]} as unknown as DocumentNode<ApplyForOwnerMutation, ApplyForOwnerMutationVariables>;
export const AttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<AttributesQuery, AttributesQueryVariables>;
export const BrandsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Brands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}}]}}]}}]} as unknown as DocumentNode<BrandsQuery, BrandsQueryVariables>;
export const CancelOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"}}]}}]}}]} as unknown as DocumentNode<CancelOrderMutation, CancelOrderMutationVariables>;
export const CartBadgeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CartBadge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCart"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}}]}}]} as unknown as DocumentNode<CartBadgeQuery, CartBadgeQueryVariables>;
export const CategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CategoriesQuery, CategoriesQueryVariables>;
export const CategoryBySlugDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CategoryBySlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"breadcrumbs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]}}]} as unknown as DocumentNode<CategoryBySlugQuery, CategoryBySlugQueryVariables>;
export const CheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Checkout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckoutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CheckoutMutation, CheckoutMutationVariables>;
export const DeleteAddressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAddress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAddress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAddressId"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DeleteAddressMutation, DeleteAddressMutationVariables>;
export const HomePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HomePage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"hero"},"name":{"kind":"Name","value":"activeBanners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"placement"},"value":{"kind":"EnumValue","value":"HOME_HERO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linkUrl"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"strip"},"name":{"kind":"Name","value":"activeBanners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"placement"},"value":{"kind":"EnumValue","value":"HOME_STRIP"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"subtitle"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"linkUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"featured"},"name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"EnumValue","value":"NEWEST"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"min"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HomePageQuery, HomePageQueryVariables>;
export const ListingFacetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingFacets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"brands"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ListingFacetsQuery, ListingFacetsQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"gstin"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogoutInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loggedOut"}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"gstin"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"landmark"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"pinCode"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MoveWishlistItemToCartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveWishlistItemToCart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveWishlistItemToCart"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"variantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}}},{"kind":"Argument","name":{"kind":"Name","value":"quantity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}}]}}]} as unknown as DocumentNode<MoveWishlistItemToCartMutation, MoveWishlistItemToCartMutationVariables>;
export const MyCartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shippingAddressId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myCart"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"couponCode"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"minOrderQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mrp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retailerPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shippingAddressId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shippingAddressId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"automaticDiscount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"couponDiscount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"couponRejection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cgst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sgst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"igst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipping"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyCartQuery, MyCartQueryVariables>;
export const MyNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myNotifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const MyOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyOrdersQuery, MyOrdersQueryVariables>;
export const MyOwnerApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOwnerApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOwnerApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"businessName"}},{"kind":"Field","name":{"kind":"Name","value":"gstin"}},{"kind":"Field","name":{"kind":"Name","value":"pan"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}}]}}]}}]} as unknown as DocumentNode<MyOwnerApplicationQuery, MyOwnerApplicationQueryVariables>;
export const MyWishlistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWishlist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myWishlist"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"addedAt"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyWishlistQuery, MyWishlistQueryVariables>;
export const OrderByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"placedAt"}},{"kind":"Field","name":{"kind":"Name","value":"paymentDueBy"}},{"kind":"Field","name":{"kind":"Name","value":"couponCode"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"cancellationReason"}},{"kind":"Field","name":{"kind":"Name","value":"paymentMethod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"upiVpa"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shippingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"landmark"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"pinCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gstRatePercent"}},{"kind":"Field","name":{"kind":"Name","value":"gst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"automaticDiscount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"couponDiscount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cgst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sgst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"igst"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"shipping"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]} as unknown as DocumentNode<OrderByIdQuery, OrderByIdQueryVariables>;
export const OrderStatusChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrderStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"orderNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<OrderStatusChangedSubscription, OrderStatusChangedSubscriptionVariables>;
export const ProductByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gstRatePercent"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"breadcrumbs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"min"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"max"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"mrp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retailerPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minOrderQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attribute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<ProductByIdQuery, ProductByIdQueryVariables>;
export const ProductBySlugDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductBySlug"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"gstRatePercent"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"breadcrumbs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"store"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"distribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stars"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"min"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"max"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"mrp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retailerPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minOrderQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"inStock"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attribute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<ProductBySlugQuery, ProductBySlugQueryVariables>;
export const ProductReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"5"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewSort"}},"defaultValue":{"kind":"EnumValue","value":"NEWEST"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductReviewsQuery, ProductReviewsQueryVariables>;
export const RefreshTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const RegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"gstin"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const RemoveCartItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCartItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCartItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"itemId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}}]}}]} as unknown as DocumentNode<RemoveCartItemMutation, RemoveCartItemMutationVariables>;
export const RemoveCouponDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCoupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeCoupon"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"couponCode"}}]}}]}}]} as unknown as DocumentNode<RemoveCouponMutation, RemoveCouponMutationVariables>;
export const RemoveFromWishlistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveFromWishlist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeFromWishlist"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"variantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"variantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveFromWishlistMutation, RemoveFromWishlistMutationVariables>;
export const SearchProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sort"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductSort"}},"defaultValue":{"kind":"EnumValue","value":"RELEVANCE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"sort"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sort"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"min"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"max"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SearchProductsQuery, SearchProductsQueryVariables>;
export const SetDefaultAddressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDefaultAddress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDefaultAddress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]} as unknown as DocumentNode<SetDefaultAddressMutation, SetDefaultAddressMutationVariables>;
export const StorePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"24"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"store"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"gstin"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pickupAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"brand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"min"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"paise"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"media"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alt"}},{"kind":"Field","name":{"kind":"Name","value":"urls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StorePageQuery, StorePageQueryVariables>;
export const SubmitReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SubmitReviewMutation, SubmitReviewMutationVariables>;
export const UpdateAddressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAddress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddressInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAddress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"landmark"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"pinCode"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<UpdateAddressMutation, UpdateAddressMutationVariables>;
export const UpdateCartItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCartItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCartItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"itemId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"itemId"}}},{"kind":"Argument","name":{"kind":"Name","value":"quantity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCartItemMutation, UpdateCartItemMutationVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;