// Form controls with a label, an optional hint and an error linked through aria-describedby.
// Ids derive from the API field path ('pelapor.nik' → 'f-pelapor-nik') so a server error naming
// a field can be shown at that field and focused.
// The controls live in form/; this module is the one the forms import.
export { FieldError, fieldId, type FieldErrors } from './form/fieldParts.tsx';
export { SelectField, TextArea, TextField } from './form/TextFields.tsx';
export { CheckboxGroup, RadioGroup } from './form/ChoiceGroups.tsx';
export { ErrorSummary, focusFirstInvalid } from './form/ErrorSummary.tsx';
