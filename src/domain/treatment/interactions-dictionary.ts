// The drug dictionary behind the interaction check: ingredients, their classes, and UK and US brand and combination names.

/** The medication classes to review before ketamine. */
export type InteractionClassId =
  | 'benzodiazepine'
  | 'non-benzodiazepine-hypnotic'
  | 'psychostimulant'
  | 'maoi'
  | 'opioid'
  | 'gabapentinoid'
  | 'lamotrigine'
  | 'methylxanthine'
  | 'sympathomimetic';

/**
 * One ingredient, the classes it belongs to, and the other names it is prescribed under: UK and US
 * spellings (INN and USAN), brands and combination products. Names are written as a prescriber would
 * type them ("co-codamol", "MS Contin"); matching ignores case, spaces and hyphens between words.
 */
export interface DrugIngredient {
  readonly ingredient: string;
  readonly classIds: readonly InteractionClassId[];
  readonly names: readonly string[];
}

const d = (
  ingredient: string,
  classIds: InteractionClassId | readonly InteractionClassId[],
  names: readonly string[] = [],
): DrugIngredient => ({
  ingredient,
  classIds: typeof classIds === 'string' ? [classIds] : classIds,
  names,
});

/**
 * The dictionary. Class membership is standard pharmacology listed by KASPR [SYN]; brand and combination
 * names are those marketed in the UK (BNF/dm+d style) and the US (RxNorm style), written from general
 * knowledge and not checked against dm+d or RxNorm [U]. It is a stop-gap until a coded dictionary is used.
 */
export const drugDictionary: readonly DrugIngredient[] = [
  // Opioids (clinic.md §2: the REMS form video mentions opioids)
  d('morphine', 'opioid', [
    'Zomorph',
    'MST Continus',
    'MST',
    'MS Contin',
    'Oramorph',
    'Sevredol',
    'MXL',
    'Morphgesic',
    'Kadian',
    'Arymo',
    'Morphabond',
  ]),
  d('codeine', 'opioid', [
    'co-codamol',
    'co-codaprin',
    'Solpadol',
    'Solpadeine',
    'Tylex',
    'Kapake',
    'Zapain',
    'Codipar',
    'Migraleve',
    'Syndol',
    'Nurofen Plus',
    'Tylenol with Codeine',
    'Tylenol 3',
    'Tylenol 4',
    'Fioricet with Codeine',
  ]),
  d('dihydrocodeine', 'opioid', ['co-dydramol', 'DF118', 'DHC Continus', 'Remedeine']),
  d('oxycodone', 'opioid', [
    'OxyContin',
    'OxyNorm',
    'Shortec',
    'Longtec',
    'Onexila',
    'Targinact',
    'Roxicodone',
    'Oxaydo',
    'Xtampza',
    'Percocet',
    'Percodan',
    'Endocet',
    'Roxicet',
  ]),
  d('hydrocodone', 'opioid', ['Norco', 'Vicodin', 'Lortab', 'Lorcet', 'Xodol', 'Zohydro', 'Hysingla']),
  d('hydromorphone', 'opioid', ['Dilaudid', 'Palladone', 'Exalgo']),
  d('oxymorphone', 'opioid', ['Opana']),
  d('diamorphine', 'opioid', ['heroin']),
  d('fentanyl', 'opioid', [
    'Durogesic',
    'Duragesic',
    'Matrifen',
    'Mezolar',
    'Fencino',
    'Abstral',
    'Actiq',
    'Effentora',
    'Fentora',
    'Instanyl',
    'PecFent',
    'Subsys',
    'Lazanda',
  ]),
  d('methadone', 'opioid', ['Physeptone', 'Methadose', 'Metharose', 'Dolophine']),
  d('buprenorphine', 'opioid', [
    'Subutex',
    'Suboxone',
    'Zubsolv',
    'Espranor',
    'Buvidal',
    'Sublocade',
    'Brixadi',
    'Butrans',
    'Transtec',
    'Temgesic',
    'Belbuca',
    'Bunavail',
    'Butec',
    'Reletrans',
    'Sevodyne',
    'Hapoctasin',
  ]),
  d('tramadol', 'opioid', [
    'Zydol',
    'Zamadol',
    'Tramacet',
    'Maxitram',
    'Marol',
    'Tradorec',
    'Invodol',
    'Larapam',
    'Mabron',
    'Ultram',
    'Ultracet',
    'ConZip',
  ]),
  d('tapentadol', 'opioid', ['Palexia', 'Nucynta']),
  d('pethidine', 'opioid', ['meperidine', 'Demerol']),
  d('dipipanone', 'opioid', ['Diconal']),
  d('pentazocine', 'opioid', ['Talwin']),
  d('levorphanol', 'opioid'),
  d('meptazinol', 'opioid', ['Meptid']),
  d('butorphanol', 'opioid', ['Stadol']),
  d('nalbuphine', 'opioid'),
  d('dextropropoxyphene', 'opioid', ['propoxyphene', 'co-proxamol', 'Darvocet', 'Darvon']),
  d('papaveretum', 'opioid'),
  d('alfentanil', 'opioid'),
  d('remifentanil', 'opioid'),
  d('sufentanil', 'opioid', ['Dsuvia']),
  d('opium', 'opioid', ['laudanum']),
  // Benzodiazepines (REMS form: Benzodiazepines*)
  d('alprazolam', 'benzodiazepine', ['Xanax']),
  d('bromazepam', 'benzodiazepine', ['Lexotan']),
  d('chlordiazepoxide', 'benzodiazepine', ['Librium']),
  d('clobazam', 'benzodiazepine', ['Frisium', 'Onfi', 'Sympazan', 'Tapclob', 'Zacco']),
  d('clonazepam', 'benzodiazepine', ['Klonopin', 'Rivotril']),
  d('clorazepate', 'benzodiazepine', ['Tranxene']),
  d('diazepam', 'benzodiazepine', ['Valium', 'Diazemuls', 'Stesolid', 'Diastat', 'Valtoco', 'Libervant']),
  d('estazolam', 'benzodiazepine', ['ProSom']),
  d('etizolam', 'benzodiazepine'),
  d('flunitrazepam', 'benzodiazepine', ['Rohypnol']),
  d('flurazepam', 'benzodiazepine', ['Dalmane']),
  d('loprazolam', 'benzodiazepine'),
  d('lorazepam', 'benzodiazepine', ['Ativan', 'Loreev']),
  d('lormetazepam', 'benzodiazepine'),
  d('midazolam', 'benzodiazepine', ['Buccolam', 'Epistatus', 'Hypnovel', 'Versed', 'Nayzilam', 'Seizalam']),
  d('nitrazepam', 'benzodiazepine', ['Mogadon']),
  d('oxazepam', 'benzodiazepine', ['Serax']),
  d('quazepam', 'benzodiazepine', ['Doral']),
  d('remimazolam', 'benzodiazepine', ['Byfavo']),
  d('temazepam', 'benzodiazepine', ['Restoril']),
  d('triazolam', 'benzodiazepine', ['Halcion']),
  // Non-benzodiazepine sedative hypnotics (REMS form: non-benzodiazepine sedative hypnotics*)
  d('zolpidem', 'non-benzodiazepine-hypnotic', ['Ambien', 'Stilnoct', 'Edluar', 'Intermezzo', 'Zolpimist']),
  d('zopiclone', 'non-benzodiazepine-hypnotic', ['Zimovane']),
  d('eszopiclone', 'non-benzodiazepine-hypnotic', ['Lunesta']),
  d('zaleplon', 'non-benzodiazepine-hypnotic', ['Sonata']),
  d('suvorexant', 'non-benzodiazepine-hypnotic', ['Belsomra']),
  d('lemborexant', 'non-benzodiazepine-hypnotic', ['Dayvigo']),
  d('daridorexant', 'non-benzodiazepine-hypnotic', ['Quviviq']),
  d('sodium oxybate', 'non-benzodiazepine-hypnotic', ['oxybate', 'Xyrem', 'Xywav', 'Lumryz']),
  d('phenobarbital', 'non-benzodiazepine-hypnotic', ['phenobarbitone', 'Luminal']),
  d('butalbital', 'non-benzodiazepine-hypnotic', ['Fioricet', 'Fiorinal']),
  d('secobarbital', 'non-benzodiazepine-hypnotic', ['Seconal']),
  d('amobarbital', 'non-benzodiazepine-hypnotic', ['amylobarbitone', 'Amytal']),
  // Psychostimulants (REMS form: psychostimulants*)
  d('amfetamine', 'psychostimulant', [
    'amphetamine',
    'Adderall',
    'Mydayis',
    'Evekeo',
    'Adzenys',
    'Dyanavel',
    'Amfexa',
  ]),
  d('dexamfetamine', 'psychostimulant', [
    'dexamphetamine',
    'dextroamphetamine',
    'Dexedrine',
    'Zenzedi',
    'ProCentra',
    'Xelstrym',
  ]),
  d('lisdexamfetamine', 'psychostimulant', ['lisdexamphetamine', 'Elvanse', 'Vyvanse', 'Tyvense']),
  d('metamfetamine', 'psychostimulant', ['methamphetamine', 'Desoxyn']),
  d('methylphenidate', 'psychostimulant', [
    'Ritalin',
    'Concerta',
    'Medikinet',
    'Equasym',
    'Delmosart',
    'Matoride',
    'Xaggitin',
    'Xenidate',
    'Affenid',
    'Metadate',
    'Methylin',
    'Daytrana',
    'Quillivant',
    'QuilliChew',
    'Aptensio',
    'Cotempla',
    'Jornay',
    'Relexxii',
    'Adhansia',
  ]),
  d('dexmethylphenidate', 'psychostimulant', ['Focalin', 'Azstarys', 'serdexmethylphenidate']),
  d('modafinil', 'psychostimulant', ['Provigil']),
  d('armodafinil', 'psychostimulant', ['Nuvigil']),
  d('solriamfetol', 'psychostimulant', ['Sunosi']),
  // MAOIs (REMS form: MAOIs*)
  d('phenelzine', 'maoi', ['Nardil']),
  d('tranylcypromine', 'maoi', ['Parnate']),
  d('isocarboxazid', 'maoi', ['Marplan']),
  d('selegiline', 'maoi', ['Emsam', 'Eldepryl', 'Zelapar']),
  d('rasagiline', 'maoi', ['Azilect']),
  d('safinamide', 'maoi', ['Xadago']),
  d('moclobemide', 'maoi', ['Manerix', 'Aurorix']),
  d('linezolid', 'maoi', ['Zyvox']),
  d('methylthioninium chloride', 'maoi', ['methylene blue', 'ProvayBlue']),
  // Gabapentinoids (harm.md §2.8: co-implicated in UK deaths)
  d('gabapentin', 'gabapentinoid', ['Neurontin', 'Gralise', 'Horizant', 'gabapentin enacarbil']),
  d('pregabalin', 'gabapentinoid', ['Lyrica', 'Alzain', 'Axalid', 'Lecaent', 'Rewisca', 'Lyrica CR']),
  // Lamotrigine
  d('lamotrigine', 'lamotrigine', ['Lamictal', 'Subvenite']),
  // Theophylline and aminophylline
  d('theophylline', 'methylxanthine', [
    'Uniphyllin',
    'Nuelin',
    'Slo-Phyllin',
    'Theo-24',
    'Theo-Dur',
    'Elixophyllin',
  ]),
  d('aminophylline', 'methylxanthine', ['Phyllocontin']),
  // Sympathomimetics (decongestants and pressors)
  d('pseudoephedrine', 'sympathomimetic', ['Sudafed', 'Galpseud', 'Contac', 'Actifed']),
  d('phenylephrine', 'sympathomimetic', ['Sudafed PE']),
  d('ephedrine', 'sympathomimetic'),
  d('oxymetazoline', 'sympathomimetic', ['Afrin', 'Vicks Sinex']),
  d('xylometazoline', 'sympathomimetic', ['Otrivine', 'Otrivin', 'Sudafed Blocked Nose']),
  d('midodrine', 'sympathomimetic', ['Bramox', 'ProAmatine']),
];
