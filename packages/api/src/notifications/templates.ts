import type { Locale } from "@ultramarket/db";

import type { MailMessage } from "./mailer";

type Template = (to: string, locale: Locale, data: Record<string, string>) => MailMessage;

const pick = <T>(locale: Locale, text: Record<Locale, T>): T => text[locale] ?? text.uz;

/** Mail the identity and vendor flows send, in the recipient's language. */
export const MAIL = {
  verifyEmail: ((to, locale, { link }) => ({
    to,
    subject: pick(locale, { uz: "Elektron pochtangizni tasdiqlang", ru: "Подтвердите адрес почты", en: "Confirm your email address" }),
    text: pick(locale, {
      uz: `UltraMarket hisobingizni tasdiqlash uchun havolani oching (24 soat amal qiladi):\n\n${link}\n\nAgar siz roʻyxatdan oʻtmagan boʻlsangiz, bu xatni eʼtiborsiz qoldiring.`,
      ru: `Чтобы подтвердить аккаунт UltraMarket, откройте ссылку (действует 24 часа):\n\n${link}\n\nЕсли вы не регистрировались, просто проигнорируйте письмо.`,
      en: `Open this link to confirm your UltraMarket account (valid for 24 hours):\n\n${link}\n\nIf you did not sign up, ignore this message.`,
    }),
  })) as Template,
  alreadyRegistered: ((to, locale, { link }) => ({
    to,
    subject: pick(locale, { uz: "Siz allaqachon roʻyxatdan oʻtgansiz", ru: "Вы уже зарегистрированы", en: "You already have an account" }),
    text: pick(locale, {
      uz: `Kimdir shu manzil bilan roʻyxatdan oʻtmoqchi boʻldi. Hisobingiz bor: kiring yoki parolni tiklang:\n\n${link}`,
      ru: `Кто-то пытался зарегистрироваться с этим адресом. У вас уже есть аккаунт: войдите или восстановите пароль:\n\n${link}`,
      en: `Someone tried to sign up with this address. You already have an account: sign in or reset your password:\n\n${link}`,
    }),
  })) as Template,
  resetPassword: ((to, locale, { link }) => ({
    to,
    subject: pick(locale, { uz: "Parolni tiklash", ru: "Восстановление пароля", en: "Reset your password" }),
    text: pick(locale, {
      uz: `Yangi parol oʻrnatish uchun havolani oching (1 soat amal qiladi):\n\n${link}\n\nAgar soʻramagan boʻlsangiz, bu xatni eʼtiborsiz qoldiring.`,
      ru: `Чтобы задать новый пароль, откройте ссылку (действует 1 час):\n\n${link}\n\nЕсли вы не запрашивали сброс, проигнорируйте письмо.`,
      en: `Open this link to set a new password (valid for 1 hour):\n\n${link}\n\nIf you did not ask for this, ignore this message.`,
    }),
  })) as Template,
  vendorApplication: ((to, locale, { status, note, link }) => ({
    to,
    subject: pick(locale, {
      uz: `Sotuvchi arizangiz: ${status}`,
      ru: `Ваша заявка продавца: ${status}`,
      en: `Your seller application: ${status}`,
    }),
    text: `${pick(locale, {
      uz: "Arizangiz holati yangilandi",
      ru: "Статус вашей заявки обновлён",
      en: "Your application's status changed",
    })}: ${status}.${note ? `\n\n${note}` : ""}\n\n${link}`,
  })) as Template,
};
