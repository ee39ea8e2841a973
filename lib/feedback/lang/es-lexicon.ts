/**
 * Spanish word lists behind the behavior rule, written without accents and in the masculine
 * singular (see `lemmaIn`), kept apart from the rule so they can grow without touching it.
 */
import { wordSet as set } from "./es-text";

const phrases = (list: readonly string[]): readonly (readonly string[])[] =>
  list.map((phrase) => phrase.split(" "));

/** Judgments of a person hardly ever used for anything else, so they count wherever they appear. */
export const STRONG_TRAITS = set(`
  perezoso holgazan gandul descuidado negligente irresponsable incompetente inepto inutil arrogante prepotente
  soberbio engreido creido egoista egocentrico grosero maleducado irrespetuoso despectivo condescendiente
  pasivo-agresivo toxico manipulador mentiroso deshonesto desleal hipocrita cobarde inmaduro infantil terco
  testarudo cabezota obstinado desorganizado impuntual desmotivado apatico estupido tonto idiota
  imbecil ignorante mediocre patetico insoportable insufrible odioso antipatico chapucero mandon
  autoritario sarcastico cinico rencoroso vengativo envidioso histerico victimista intransigente intolerante
  insensible desconsiderado desagradecido olvidadizo conformista incapaz mezquino altanero impertinente
  insolente desobediente insubordinado quejica quejumbroso llorica cotilla chismoso bocazas
`);

/**
 * Judgments that also describe things ("un plan agresivo", "una respuesta vaga", "un cliente
 * difícil"), so they count only when said of the person: "fuiste agresivo", "estás muy negativo".
 */
export const CONTEXT_TRAITS = set(`
  agresivo brusco frio distante dificil complicado negativo pesimista lento caotico desordenado despistado
  distraido nervioso inseguro emocional sensible susceptible dramatico exagerado pesado molesto irritante borde
  duro rigido cerrado defensivo flojo malo terrible horrible pesimo raro agobiante impaciente desconectado
  pasivo imprevisible voluble temperamental intimidante conflictivo problematico aburrido cansino
  perfeccionista controlador exigente inflexible confuso vago dejado chulo desinteresado
`);

/** Praise of the person rather than of something they did. */
export const PRAISE_TRAITS = set(`
  genial increible fantastico estupendo excelente maravilloso brillante impresionante extraordinario
  espectacular magnifico fenomenal buenisimo bueno inteligente talentoso dedicado comprometido trabajador
  responsable fiable eficiente proactivo profesional atento amable generoso creativo organizado capaz competente
  perfecto top majo encantador ejemplar admirable resolutivo colaborativo cumplidor
`);

/** After "poco", a praise word turns into a judgment: "poco profesional", "poco fiable". */
export const POCO_TRAITS = set(`
  profesional fiable colaborativo comprometido serio respetuoso proactivo responsable confiable cooperativo
  empatico resolutivo constante puntual trabajador cuidadoso riguroso maduro flexible educado
`);

/** Names for a person that are used for nothing else. */
export const STRONG_LABELS = set(`
  holgazan gandul idiota imbecil inutil payaso quejica llorica sabelotodo listillo diva bocazas cotilla
  mandon narcisista caradura vividor egocentrico manipulador mentiroso cobarde
`);

/** Praise names for a person. */
export const PRAISE_LABELS = set(`crack genio fiera idolo`);

/** Names that are also ordinary nouns, so they count only after "eres un", "es una". */
export const CONTEXT_LABELS = set(`
  desastre problema lastre carga nino crio pesadilla estrella heroe sol joya ejemplo referente fenomeno
  tesoro maquina vago trepa pelota
`);

export const PRAISE_CONTEXT_LABELS = set(`estrella heroe sol joya ejemplo referente fenomeno tesoro maquina`);

/** Multi-word names for a person, as word sequences. */
export const LABEL_PHRASES = phrases([
  "oveja negra",
  "bala perdida",
  "lobo solitario",
  "mal companero",
  "mala companera",
  "mal profesional",
  "mala persona",
  "mal jefe",
  "mala jefa",
  "dificil de tratar",
  "dificil de llevar",
  "dificil trabajar contigo",
  "mala leche",
  "mal genio",
  "mal caracter",
  "mala fe",
  "mala actitud",
  "falta de respeto",
  "poca verguenza",
  "cara dura",
  "no das la talla",
  "no da la talla",
  "no estas a la altura",
  "no esta a la altura",
  "no sabes trabajar en equipo",
  "no sabe trabajar en equipo",
  "no trabajas en equipo",
  "no trabaja en equipo",
  "no tienes remedio",
  "no tiene remedio",
  "te escaqueas",
  "se escaquea",
  "te escaqueaste",
  "se escaqueo",
]);

/** Praise names in several words; "no eres un buen compañero" turns them into judgments. */
export const PRAISE_LABEL_PHRASES = phrases([
  "buen companero",
  "buena companera",
  "gran companero",
  "gran companera",
  "buen profesional",
  "buena profesional",
  "gran profesional",
  "buena persona",
  "gran persona",
  "jugador de equipo",
  "jugadora de equipo",
  "companero de equipo",
  "companera de equipo",
  "buen lider",
  "buena lider",
  "lider nato",
  "lider nata",
  "un diez",
  "un sol",
]);

/** Nouns that name a trait or a judgment of one. */
export const TRAIT_NOUNS = set(`
  pereza vagancia desidia dejadez arrogancia prepotencia soberbia egoismo inmadurez incompetencia
  irresponsabilidad negligencia descaro chuleria actitud personalidad caracter mentalidad ego pasotismo
`);

/** Qualities someone can be said to lack: "te falta iniciativa", "no tienes compromiso". */
export const QUALITIES = set(`
  iniciativa compromiso interes respeto profesionalidad profesionalismo motivacion ganas empatia paciencia
  disciplina madurez responsabilidad implicacion esfuerzo ambicion criterio educacion tacto liderazgo foco
  autonomia seriedad sensibilidad humildad proactividad constancia rigor cuidado
`);

/** Absolutes: they invite a debate about the exceptions instead of the behavior. */
export const ABSOLUTES = set(`
  siempre nunca jamas constantemente continuamente eternamente sistematicamente invariablemente
  habitualmente
`);

export const ABSOLUTE_PHRASES = phrases([
  "todo el rato",
  "todo el tiempo",
  "todo el santo dia",
  "cada dos por tres",
  "una y otra vez",
  "como de costumbre",
  "ni una vez",
  "ni una sola vez",
  "sin excepcion",
  "a todas horas",
  "dia si y dia tambien",
  "por enesima vez",
]);

/** "cada <this>", "todos los <this>" generalise over occasions. */
export const OCCASIONS = set(`
  vez veces dia dias semana semanas mes meses sprint sprints reunion reuniones daily dailies revision revisiones
  llamada llamadas demo demos retro retros entrega entregas proyecto proyectos conversacion conversaciones
  ocasion ocasiones oportunidad oportunidades
`);

/** Saying what someone intended instead of what they did. */
export const INTENT_WORDS = set(`deliberadamente intencionadamente intencionalmente adrede conscientemente`);

export const MIND_PHRASES = phrases([
  "a proposito",
  "a posta",
  "aposta",
  "con mala intencion",
  "de mala fe",
  "te da igual",
  "le da igual",
  "les da igual",
  "te daba igual",
  "le daba igual",
  "te dio igual",
  "le dio igual",
  "te da lo mismo",
  "le da lo mismo",
  "te la suda",
  "le la suda",
  "pasas de",
  "pasaste de",
  "pasabas de",
  "pasas de todo",
  "pasa de todo",
  "te crees",
  "te creias",
  "se cree mejor",
  "se cree superior",
  "se cree el",
  "se cree la",
  "se cree que sabe",
  "te piensas que",
  "se piensa que",
  "solo piensas en ti",
  "solo piensa en si",
  "solo te importa",
  "solo le importa",
  "solo te importaba",
  "solo le importaba",
  "solo quieres",
  "solo quiere",
  "solo querias",
  "solo queria",
  "para llamar la atencion",
  "para lucirte",
  "para lucirse",
  "para quedar bien",
  "para dejarme mal",
  "para dejarnos mal",
  "para dejarme en evidencia",
  "le tienes mania",
  "me tienes mania",
  "la tienes tomada con",
  "la tiene tomada con",
  "vas a por mi",
  "va a por mi",
  "estas en otra",
  "esta en otra",
  "estabas en otra",
  "estaba en otra",
  "no te lo tomas en serio",
  "no se lo toma en serio",
  "no te tomas en serio",
  "no se toma en serio",
  "no te tomaste en serio",
  "no se tomo en serio",
]);

/** Verbs of the mind: "no te importa", "no le interesa", "no valoras". */
export const MIND_VERBS = set(`
  importa importaba importo importan importaban interesa interesaba intereso interesan valoras valora valoraste
  valoro valorabas valoraba respetas respeta respetaste respeto respetabas respetaba escuchas escucha
  escuchabas escuchaba esfuerzas esfuerza esfuerzo esforzaste molestas molesta molestaste molesto quieres quiere
  implicas implica preocupa preocupaba preocupo
`);

/** Forms of wanting or trying, before what the writer guesses someone was after. */
export const WANT_FORMS = set(`
  quieres quiere querias queria quisiste quiso intentas intenta intentabas intentaba intentaste intento
  pretendes pretende pretendias pretendia pretendiste pretendio buscas busca buscabas buscaba buscaste busco
`);

/** What someone is "trying to" do when the writer guesses at motives. */
export const INTENT_TARGETS = set(`
  socavar sabotear boicotear humillar ridiculizar dejarme dejarnos fastidiar molestar provocar castigar
  controlar dominar manipular impresionar lucirte lucirse escaquearte escaquearse llamar
`);

/** Said before a judgment that is being reported, not made ("le dijiste que era un vago"). */
export const SPEECH_VERBS = set(`
  dijo dijiste dije dice dices decir comento comentaste escribiste escribio escribe respondiste respondio
  contestaste contesto llamaste llamo pregunto preguntaste grito gritaste menciono mencionaste afirmaste afirmo
  acusaste acuso publicaste publico soltaste solto insinuaste insinuo calificaste califico tachaste tacho
`);

/** Words that start a new clause, ending a reported judgment or a subject. */
export const CLAUSE_JOINERS = set(
  `y e pero porque cuando mientras aunque que o u ni pues sino entonces luego`,
);

/** Praise that names no behavior, as word sequences. */
export const PRAISE_PHRASES = phrases([
  "bien hecho",
  "enhorabuena",
  "felicidades",
  "felicitaciones",
  "bravo",
  "chapo",
  "chapeau",
  "sigue asi",
  "gracias por todo",
  "lo hiciste genial",
  "lo hiciste muy bien",
  "lo hiciste de maravilla",
  "lo has hecho genial",
  "lo has hecho muy bien",
  "lo bordaste",
  "lo has bordado",
  "lo petaste",
  "lo clavaste",
  "lo has clavado",
  "te luciste",
  "te has lucido",
  "se lucio",
  "eres el mejor",
  "eres la mejor",
  "que crack",
  "trabajazo",
  "de diez",
  "de 10",
]);

/** Nouns that, after a praise word, make a verdict: "buen trabajo", "gran esfuerzo". */
export const VERDICT_NOUNS = set(`trabajo trabajos labor esfuerzo curro papel actuacion rendimiento`);
export const VERDICT_PRAISE = set(
  `buen buena gran excelente genial estupendo estupenda increible magnifico magnifica fantastico fantastica`,
);
