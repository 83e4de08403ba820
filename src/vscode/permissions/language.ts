import * as vscode from 'vscode';
import { uiLanguageForLocale, type UiLanguage } from '../../core/huawei/labels';
import type { HuaweiLanguage } from '../../core/huawei/model';

/** The label language of the UI: Chinese for any zh-* display language, else English. */
export function uiLanguage(): UiLanguage {
  return uiLanguageForLocale(vscode.env.language);
}

/** The `x-language` header value that matches the UI language. */
export function huaweiLanguage(): HuaweiLanguage {
  return uiLanguage() === 'zh' ? 'zh-cn' : 'en-us';
}
