import { createI18n, type IndianState, type Locale } from '@purra/web-shared';
import { en, type MessageKey } from './messages.en';
import { hi } from './messages.hi';

export type { MessageKey };
export const { I18nProvider, useI18n } = createI18n<MessageKey>({ en, hi });

// The IndianState enum in the order of the schema, with names in both languages.
const states: Record<IndianState, [string, string]> = {
  ANDHRA_PRADESH: ['Andhra Pradesh', 'आंध्र प्रदेश'],
  ARUNACHAL_PRADESH: ['Arunachal Pradesh', 'अरुणाचल प्रदेश'],
  ASSAM: ['Assam', 'असम'],
  BIHAR: ['Bihar', 'बिहार'],
  CHHATTISGARH: ['Chhattisgarh', 'छत्तीसगढ़'],
  GOA: ['Goa', 'गोवा'],
  GUJARAT: ['Gujarat', 'गुजरात'],
  HARYANA: ['Haryana', 'हरियाणा'],
  HIMACHAL_PRADESH: ['Himachal Pradesh', 'हिमाचल प्रदेश'],
  JHARKHAND: ['Jharkhand', 'झारखंड'],
  KARNATAKA: ['Karnataka', 'कर्नाटक'],
  KERALA: ['Kerala', 'केरल'],
  MADHYA_PRADESH: ['Madhya Pradesh', 'मध्य प्रदेश'],
  MAHARASHTRA: ['Maharashtra', 'महाराष्ट्र'],
  MANIPUR: ['Manipur', 'मणिपुर'],
  MEGHALAYA: ['Meghalaya', 'मेघालय'],
  MIZORAM: ['Mizoram', 'मिज़ोरम'],
  NAGALAND: ['Nagaland', 'नागालैंड'],
  ODISHA: ['Odisha', 'ओडिशा'],
  PUNJAB: ['Punjab', 'पंजाब'],
  RAJASTHAN: ['Rajasthan', 'राजस्थान'],
  SIKKIM: ['Sikkim', 'सिक्किम'],
  TAMIL_NADU: ['Tamil Nadu', 'तमिलनाडु'],
  TELANGANA: ['Telangana', 'तेलंगाना'],
  TRIPURA: ['Tripura', 'त्रिपुरा'],
  UTTAR_PRADESH: ['Uttar Pradesh', 'उत्तर प्रदेश'],
  UTTARAKHAND: ['Uttarakhand', 'उत्तराखंड'],
  WEST_BENGAL: ['West Bengal', 'पश्चिम बंगाल'],
  ANDAMAN_AND_NICOBAR_ISLANDS: ['Andaman and Nicobar Islands', 'अंडमान और निकोबार द्वीपसमूह'],
  CHANDIGARH: ['Chandigarh', 'चंडीगढ़'],
  DADRA_AND_NAGAR_HAVELI_AND_DAMAN_AND_DIU: ['Dadra and Nagar Haveli and Daman and Diu', 'दादरा और नगर हवेली और दमन और दीव'],
  DELHI: ['Delhi', 'दिल्ली'],
  JAMMU_AND_KASHMIR: ['Jammu and Kashmir', 'जम्मू और कश्मीर'],
  LADAKH: ['Ladakh', 'लद्दाख'],
  LAKSHADWEEP: ['Lakshadweep', 'लक्षद्वीप'],
  PUDUCHERRY: ['Puducherry', 'पुडुचेरी'],
};

export const indianStates = Object.keys(states) as IndianState[];

/** A state's name; accepts the enum or a stored string (order snapshots keep the enum's text). */
export function stateName(state: string, locale: Locale): string {
  const names = states[state as IndianState];
  return names ? names[locale === 'hi' ? 1 : 0] : state;
}
