// Synthetic clinical and engineering snippets shared by the PHI tests. Written for these tests from the
// shape of nursing notes (telegraphic, any letter case); no text from any real record or evaluation set.

export const CLINICAL_NOTES = {
  allCaps:
    'NEURO: A&OX3, MAE. CV: NSR 80S, SBP 110-130, NO ECTOPY. RESP: LS CLEAR, O2 SAT 97% ON 2L NC. ' +
    'GI: ABD SOFT, +BS, TOL PO. PLAN: CONT LASIX, MONITOR LYTES.',
  lowerCase:
    'pt s/p cabg x3 yesterday. afebrile, hr 70s nsr, bp stable on neo gtt. extubated this am, sats 95% on ' +
    '4l nc. foley draining clear yellow urine.',
  mixedCase:
    'Patient remains intubated and sedated on propofol. Lungs coarse bilaterally, suctioned for thick ' +
    'secretions. Heparin drip at 900 units/hr, PTT pending.',
} as const;

export const ENGINEERING_TEXTS = {
  crashLog:
    'Crash in HRTimer after build 5.2.1. HR asked for the BP pipeline logs.\n' +
    'at com.example.app.Main.run(Main.java:42)\nat com.example.app.Loop.tick(Loop.java:7)\n' +
    'Patch applied; stroke width reset to 2px; temp dir cleaned; monitor output attached.',
  supportThread:
    'Hi Marisol Quintero, thanks for the update on 3/14. Dr. Okafor from the QA team will retest the patch ' +
    'in the 7.1 release on 4/2; please attach the console output and the admin log.',
  fitnessApp:
    'The heart rate widget shows 0 bpm when the sensor disconnects; temp readings are fine. Pulse animation ' +
    'stutters on Android 9.',
} as const;
