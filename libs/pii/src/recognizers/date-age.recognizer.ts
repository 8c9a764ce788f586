import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d\\d';

/**
 * Full calendar dates (day, month and year: ISO with an optional time and
 * zone, numeric, or with the month's name) score 0.5, like Presidio's, so the
 * default policy redacts them: with a name they identify a person (birthdays,
 * admissions, transactions). Partial dates (a month and a year, a day and a
 * month) score 0.3 and need a personal context (born, DOB, died...); a year
 * alone is never reported. Thresholds move either line per team.
 */
export const dateRecognizer = () =>
  new PatternRecognizer({
    name: 'date',
    entity: Entities.dateTime,
    patterns: [
      {
        name: 'iso',
        regex: /(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?:[ T]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])/g,
        notPrecededBy: /[\d.-]/,
        score: 0.5,
      },
      {
        name: 'numeric',
        regex: /(?:0?[1-9]|[12]\d|3[01])(?:([\/-])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)?\d\d|\.(?:0?[1-9]|[12]\d|3[01])\.(?:19|20)\d\d)(?![\d\/-]|\.\d)/g,
        notPrecededBy: /[\d.\/-]/,
        score: 0.5,
      },
      {
        name: 'words',
        regex: new RegExp(`\\b(?:${DAY}(?:\\s+|-)(?:of\\s+)?${MONTH}\\.?(?:,?\\s+|-)${YEAR}|${MONTH}\\.?\\s+${DAY},?\\s+${YEAR})\\b`, 'gi'),
        score: 0.5,
      },
      { name: 'partial', regex: new RegExp(`\\b(?:${MONTH}\\.?[- ]${YEAR}|${MONTH}-\\d\\d|\\d\\d?-${MONTH})\\b`, 'gi'), score: 0.3 },
    ],
    context: ['born', 'birth', 'birthday', 'birthdate', 'date of birth', 'dob', 'd.o.b', 'died', 'deceased', 'age', 'aged', 'married', 'anniversary', 'admitted', 'discharged', 'today is', 'since'],
  });

/** Ages said as ages: "65-year-old", "aged 34", "turned 40", "I am 21 years". */
export const ageRecognizer = () =>
  new PatternRecognizer({
    name: 'age',
    entity: Entities.age,
    group: 1,
    patterns: [
      { name: 'years-old', regex: /\b(\d{1,3})(?:\s*|-)(?:years?|yrs?|yo)(?:\s*|-)old\b/gi, score: 0.7 },
      { name: 'aged', regex: /\b(?:aged?|turn(?:ed|ing|s)?|age of|am|i'm)\s+(\d{1,3})(?=\s*(?:years?|yrs?)\b|\s*[.,;!?]|\s+(?:today|now|next|this|last)\b|$)/gim, score: 0.55 },
      { name: 'is-number', regex: /\b(?:is|was)\s+(\d{1,3})(?=\s*(?:years?|yrs?)\b|\s*[.,;!?]|\s+(?:today|now|next|this|last)\b|$)/gim, score: 0.3 },
      { name: 'age-colon', regex: /\bage\s*[:=]\s*(\d{1,3})\b/gi, score: 0.7 },
    ],
    context: ['age', 'old', 'birthday', 'born', 'turn', 'turned', 'patient'],
    validate: (v) => Number(v) > 0 && Number(v) < 130,
  });
