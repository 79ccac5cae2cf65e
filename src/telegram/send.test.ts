import { describe, expect, it } from 'vitest';
import { callbackDataFits, inlineKeyboard, joinMessages } from './send.js';

describe('inlineKeyboard', () => {
  it('turns button rows into an inline keyboard, none when there are no buttons', () => {
    expect(inlineKeyboard([])).toBeUndefined();
    expect(inlineKeyboard([[]])).toBeUndefined();
    expect(
      inlineKeyboard([
        [
          { label: 'Совет', data: 'talk:advice' },
          { label: 'Тренировка', data: 'talk:practice' },
        ],
        [{ label: 'Темы', data: 'talk:topics' }],
      ]),
    ).toEqual({
      inline_keyboard: [
        [
          { text: 'Совет', callback_data: 'talk:advice' },
          { text: 'Тренировка', callback_data: 'talk:practice' },
        ],
        [{ text: 'Темы', callback_data: 'talk:topics' }],
      ],
    });
  });

  it('leaves out a button Telegram would refuse, rather than lose the whole message', () => {
    expect(callbackDataFits('x'.repeat(64))).toBe(true);
    expect(callbackDataFits('я'.repeat(33))).toBe(false);
    expect(callbackDataFits('')).toBe(false);
    expect(inlineKeyboard([[{ label: 'a', data: 'я'.repeat(33) }], [{ label: 'b', data: 'ok' }]])).toEqual({
      inline_keyboard: [[{ text: 'b', callback_data: 'ok' }]],
    });
  });
});

describe('joinMessages', () => {
  it('joins a message without buttons to the next, so a practice turn is one Telegram message', () => {
    const feedback = { text: 'Тепло. Сработало: открытый вопрос.', buttons: [] };
    const relative = { text: 'Мама: Ну ладно.', buttons: [[{ label: '■ Закончить', data: 'talk:stop:1' }]] };
    const menu = { text: 'Что делаем?', buttons: [[{ label: 'Совет', data: 'talk:advice' }]] };
    expect(joinMessages([feedback, relative, menu])).toEqual([
      { text: 'Тепло. Сработало: открытый вопрос.\n\nМама: Ну ладно.', buttons: relative.buttons },
      menu,
    ]);
    expect(joinMessages([feedback])).toEqual([feedback]);
  });
});
